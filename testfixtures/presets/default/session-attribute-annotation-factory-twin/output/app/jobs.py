from sqlalchemy.ext.asyncio import AsyncSession

from app.db import AsyncSessionLocal
from app.models import User
from sqlalchemy import select


# Its factory call becomes the async twin: the attribute then holds an AsyncSession, and says so.
class Cleanup:
    def __init__(self) -> None:
        self.session: AsyncSession = AsyncSessionLocal()

    async def run(self) -> int:
        users = (await self.session.scalars(select(User))).all()
        await self.session.commit()
        return len(users)
