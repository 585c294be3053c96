from fastapi import APIRouter, Depends

from app.services import AuditService, ItemService

router = APIRouter()


@router.post("/items")
async def create_item(name: str, service: ItemService = Depends()):
    return {"id": (await service.create(name)).id}


# Async before the run: it awaits names(), which becomes async, on the sync Session FastAPI built the service with.
@router.get("/items")
async def list_items(service: ItemService = Depends(ItemService)):
    return await service.names()


@router.get("/report")
async def report(audit: AuditService = Depends()):
    return await audit.report()
