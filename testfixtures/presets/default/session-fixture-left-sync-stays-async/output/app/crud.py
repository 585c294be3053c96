from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


async def create_user(db: AsyncSession, name: str) -> User:
    user = User(name=name)
    db.add(user)
    await db.commit()
    await db.refresh(user)
    return user
