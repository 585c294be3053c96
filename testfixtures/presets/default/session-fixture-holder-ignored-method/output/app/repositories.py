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

    # Converted by hand later: the ignore markers keep awaitify away, and its sync call does not keep the
    # session fixture handed to this class sync.
    def legacy_count(self) -> int:  # awaitify: ignore
        return self.db.query(User).count()  # awaitify: ignore
