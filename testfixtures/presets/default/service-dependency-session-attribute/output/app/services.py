from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.models import User


# A service FastAPI builds for each request (`Depends()`), keeping the request's session.
class UserService:
    def __init__(self, db: AsyncSession = Depends(get_async_db)):
        self.db = db

    async def create(self, email: str) -> User:
        user = User(email=email)
        self.db.add(user)
        await self.db.commit()
        await self.db.refresh(user)
        return user
