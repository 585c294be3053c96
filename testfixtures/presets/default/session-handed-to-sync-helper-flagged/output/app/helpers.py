from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.models import Item


def find_named(db: AsyncSession, name: str):
    return crud.search(db, [Item.name == name])
