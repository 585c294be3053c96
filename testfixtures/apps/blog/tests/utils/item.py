from typing import Optional

from sqlalchemy.orm import Session

from app import crud, models
from app.schemas.item import ItemCreate
from tests.utils.utils import random_lower_string


def create_random_item(
    db: Session, *, owner_id: int, title: Optional[str] = None, is_published: bool = False
) -> models.Item:
    item_in = ItemCreate(
        title=title or random_lower_string(),
        description=random_lower_string(),
        is_published=is_published,
    )
    return crud.item.create_with_owner(db, obj_in=item_in, owner_id=owner_id)
