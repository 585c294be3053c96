from typing import List, Optional, Tuple

from sqlalchemy import func
from sqlalchemy.orm import Session

from app.crud.base import CRUDBase
from app.models.item import Item
from app.models.user import User
from app.schemas.compat import model_to_dict
from app.schemas.item import ItemCreate, ItemUpdate


class CRUDItem(CRUDBase[Item, ItemCreate, ItemUpdate]):
    def create_with_owner(self, db: Session, *, obj_in: ItemCreate, owner_id: int) -> Item:
        obj_in_data = model_to_dict(obj_in, exclude_unset=True)
        db_obj = self.model(**obj_in_data, owner_id=owner_id)
        db.add(db_obj)
        db.commit()
        db.refresh(db_obj)
        return db_obj

    def get_multi_by_owner(self, db: Session, *, owner_id: int, skip: int = 0, limit: int = 100) -> List[Item]:
        return (
            db.query(self.model)
            .filter(Item.owner_id == owner_id)
            .order_by(Item.id)
            .offset(skip)
            .limit(limit)
            .all()
        )

    def count_by_owner(self, db: Session, *, owner_id: int) -> int:
        return db.query(Item).filter(Item.owner_id == owner_id).count()

    def search(
        self,
        db: Session,
        *,
        text: str,
        owner_id: Optional[int] = None,
        skip: int = 0,
        limit: int = 100,
    ) -> Tuple[List[Item], int]:
        query = db.query(Item).filter(Item.title.ilike(f"%{text}%"))
        if owner_id is not None:
            query = query.filter(Item.owner_id == owner_id)
        total = query.count()
        items = query.order_by(Item.id).offset(skip).limit(limit).all()
        return items, total

    def publish_all_for_owner(self, db: Session, *, owner_id: int) -> int:
        published = (
            db.query(Item)
            .filter(Item.owner_id == owner_id, Item.is_published.is_(False))
            .update({Item.is_published: True}, synchronize_session=False)
        )
        db.commit()
        return published

    def remove_by_owner(self, db: Session, *, owner_id: int) -> int:
        deleted = db.query(Item).filter_by(owner_id=owner_id).delete()
        db.commit()
        return deleted

    def owner_stats(self, db: Session) -> List[Tuple[str, int]]:
        # Outer join: authors without posts still appear, with a count of 0.
        return (
            db.query(User.email, func.count(Item.id))
            .outerjoin(User.items)
            .group_by(User.id, User.email)
            .order_by(User.email)
            .all()
        )


item = CRUDItem(Item)
