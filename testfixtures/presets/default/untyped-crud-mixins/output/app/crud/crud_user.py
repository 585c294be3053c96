from app.crud.base import CRUDBase, RowCounter
from app.crud.mixins import AuditMixin, LoggingMixin, SoftDeleteMixin
from app.models import User
from sqlalchemy import select


class CRUDUser(SoftDeleteMixin, LoggingMixin, CRUDBase):
    async def by_email(self, db, email):
        self.log(f"lookup {email}")
        return await db.scalar(select(User).where(User.email == email).limit(1))


class AuditedCounter(AuditMixin, RowCounter):
    pass


user = CRUDUser(User)
audited = AuditedCounter()
