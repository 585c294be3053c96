from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


class UserRepository:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def create(self, email: str) -> User:
        user = User(email=email)
        self.db.add(user)
        await self.db.commit()
        return user

    async def get(self, user_id: int):
        return await self.db.get(User, user_id)
