from fastapi import APIRouter, Depends

from app.services import AuditService, ItemService

router = APIRouter()


@router.post("/items")
def create_item(name: str, service: ItemService = Depends()):
    return {"id": service.create(name).id}


# Async before the run: it awaits names(), which becomes async, on the sync Session FastAPI built the service with.
@router.get("/items")
async def list_items(service: ItemService = Depends(ItemService)):
    return service.names()


@router.get("/report")
def report(audit: AuditService = Depends()):
    return audit.report()
