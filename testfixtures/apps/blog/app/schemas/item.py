from datetime import datetime
from typing import List, Optional

from app.schemas.compat import ORMModel


class ItemBase(ORMModel):
    title: Optional[str] = None
    description: Optional[str] = None
    is_published: Optional[bool] = None


class ItemCreate(ItemBase):
    title: str


class ItemUpdate(ItemBase):
    pass


class Item(ItemBase):
    id: int
    title: str
    is_published: bool
    owner_id: int
    created_at: datetime
    updated_at: Optional[datetime] = None


class ItemsPage(ORMModel):
    data: List[Item]
    count: int


class OwnerStats(ORMModel):
    email: str
    item_count: int


class PublishResult(ORMModel):
    published: int
