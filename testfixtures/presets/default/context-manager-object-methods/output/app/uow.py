from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User
from sqlalchemy import select


class UserRepo:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def get(self, id: int):
        return await self.db.scalar(select(User).where(User.id == id).limit(1))

    async def add(self, email: str):
        user = User(email=email)
        self.db.add(user)
        await self.db.flush()
        return user


class UnitOfWork:
    def __init__(self, db: AsyncSession):
        self.db = db
        self.users = UserRepo(db)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    async def commit(self):
        await self.db.commit()


class Reader:
    def __init__(self, db: AsyncSession):
        self.db = db

    def __enter__(self):
        # Hands out the repository, not itself.
        return UserRepo(self.db)

    def __exit__(self, *exc):
        return False
