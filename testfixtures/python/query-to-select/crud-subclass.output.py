from typing import Generic, Optional, Type, TypeVar

from sqlalchemy.orm import Session

from app.db.base_class import Base
from app.models import Item, User
from sqlalchemy import func, select

ModelType = TypeVar("ModelType", bound=Base)


class CRUDBase(Generic[ModelType]):
    def __init__(self, model: Type[ModelType]):
        self.model = model

    def get(self, db: Session, id: int) -> Optional[ModelType]:
        return await db.scalar(select(self.model).where(self.model.id == id).limit(1))


class CRUDItem(CRUDBase[Item]):
    def by_owner(self, db: Session, owner_id: int):
        return (
            (await db.scalars(select(self.model)
            # newest first
            .where(self.model.owner_id == owner_id)
            .order_by(self.model.id.desc())
            )).all()
        )

    def titles(self, db: Session):
        return (await db.execute(select(self.model.id, self.model.title))).all()


class CRUDUser(CRUDBase[User]):
    def __init__(self, db: Session):
        super().__init__(User)
        self.db = db

    def active_count(self):
        return await self.db.scalar(select(func.count()).select_from(select(self.model).filter_by(is_active=True).subquery()))


class CRUDAdmin(CRUDUser):
    def admins(self, db: Session):
        q = select(self.model)
        q = q.where(self.model.is_superuser)
        return (await db.scalars(q)).all()


item = CRUDItem(Item)
