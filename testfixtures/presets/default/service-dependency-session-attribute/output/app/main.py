from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.models import Item
from app.services import UserService

app = FastAPI()


class Audit:
    def __init__(self, db: AsyncSession = Depends(get_async_db)):
        self.db = db


@app.post("/users")
async def create_user(email: str, service: UserService = Depends()):
    user = await service.create(email)
    return {"id": user.id}


# The routes use the service's session themselves.
@app.post("/users/{user_id}/items")
async def add_item(user_id: int, title: str, service: UserService = Depends()):
    service.db.add(Item(title=title, owner_id=user_id))
    await service.db.commit()
    return {"ok": True}


@app.delete("/items/{item_id}")
async def delete_item(item_id: int, service: Annotated[UserService, Depends()]):
    item = await service.db.get(Item, item_id)
    await service.db.delete(item)
    await service.db.commit()
    return {"ok": True}


@app.post("/audit/flush")
async def flush_audit(audit: Audit = Depends()):
    await audit.db.commit()
    return {"ok": True}
