from sqlalchemy.ext.asyncio import AsyncSession

from app.repository import UserRepository


class UserService:
    def __init__(self):
        self.repository = UserRepository()

    async def exists(self, db: AsyncSession, username: str) -> bool:
        return await self.repository.find_by_username(db, username) is not None
