from app.crud.base import CRUDBase
from app.models import User


class CRUDUser(CRUDBase):
    def get_by_email(self, db, email):
        return db.query(User).filter(User.email == email).first()


user = CRUDUser(User)
