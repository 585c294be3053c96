from typing import Generic, Optional, Type, TypeVar

from sqlalchemy.orm import Session

from app.db.base_class import Base
from app.models import Item, User

ModelType = TypeVar("ModelType", bound=Base)


class CRUDBase(Generic[ModelType]):
    def __init__(self, model: Type[ModelType]):
        self.model = model

    def get(self, db: Session, id: int) -> Optional[ModelType]:
        return db.query(self.model).filter(self.model.id == id).first()


class CRUDItem(CRUDBase[Item]):
    def by_owner(self, db: Session, owner_id: int):
        return (
            db.query(self.model)
            # newest first
            .filter(self.model.owner_id == owner_id)
            .order_by(self.model.id.desc())
            .all()
        )

    def titles(self, db: Session):
        return db.query(self.model.id, self.model.title).all()


class CRUDUser(CRUDBase[User]):
    def __init__(self, db: Session):
        super().__init__(User)
        self.db = db

    def active_count(self):
        return self.db.query(self.model).filter_by(is_active=True).count()


class CRUDAdmin(CRUDUser):
    def admins(self, db: Session):
        q = db.query(self.model)
        q = q.filter(self.model.is_superuser)
        return q.all()


item = CRUDItem(Item)
