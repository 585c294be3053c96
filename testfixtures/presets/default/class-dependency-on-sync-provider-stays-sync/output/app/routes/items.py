from fastapi import APIRouter, Depends

from app.services import AuditService, ItemService

router = APIRouter()


@router.post("/items")
def create_item(name: str, service: ItemService = Depends()):
    return {"id": service.create(name).id}


@router.get("/items")
def list_items(service: ItemService = Depends(ItemService)):
    return service.names()


@router.get("/report")
def report(audit: AuditService = Depends()):
    return audit.report()
