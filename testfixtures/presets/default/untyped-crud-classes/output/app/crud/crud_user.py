from app.crud.base import CRUDBase
from app.models import User
from sqlalchemy import select


class CRUDUser(CRUDBase):
    async def get_by_email(self, db, email):
        return await db.scalar(select(User).where(User.email == email).limit(1))


user = CRUDUser(User)
