from app.models import User
from sqlalchemy import select


class CRUDUser:
    @staticmethod
    async def get(db, id):
        return await db.scalar(select(User).where(User.id == id).limit(1))

    @classmethod
    async def get_or_create(cls, db, email):
        found = await cls.by_email(db, email)
        if found is not None:
            return found
        return await cls.create(db, email)

    @classmethod
    async def by_email(cls, db, email):
        return await db.scalar(select(User).where(User.email == email).limit(1))

    @staticmethod
    async def create(db, email):
        user = User(email=email)
        db.add(user)
        await db.commit()
        await db.refresh(user)
        return user

    def deactivate(self, db, id):
        # A plain method: called through the class (`CRUDUser.deactivate(CRUDUser(), db, id)`) it takes `self`
        # first, which the inference does not follow.
        user = db.query(User).filter(User.id == id).one()
        user.active = False
        db.commit()
        return user
