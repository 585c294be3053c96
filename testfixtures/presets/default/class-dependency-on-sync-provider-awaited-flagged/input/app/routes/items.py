from fastapi import APIRouter, Depends

from app.services import AuditService, ItemService

router = APIRouter()


@router.post("/items")
def create_item(name: str, service: ItemService = Depends()):
    return {"id": service.create(name).id}


# Async before the run, calling names() without await on the sync Session FastAPI built the service with: it hands
# that session on to code that stays sync, so it is left as it was (blocking, as before), and so is names().
@router.get("/items")
async def list_items(service: ItemService = Depends(ItemService)):
    return service.names()


@router.get("/report")
def report(audit: AuditService = Depends()):
    return audit.report()
