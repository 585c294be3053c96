from app.crud.base import CRUDBase, RowCounter
from app.crud.mixins import AuditMixin, LoggingMixin, SoftDeleteMixin
from app.models import User


class CRUDUser(SoftDeleteMixin, LoggingMixin, CRUDBase):
    def by_email(self, db, email):
        self.log(f"lookup {email}")
        return db.query(User).filter(User.email == email).first()


class AuditedCounter(AuditMixin, RowCounter):
    pass


user = CRUDUser(User)
audited = AuditedCounter()
