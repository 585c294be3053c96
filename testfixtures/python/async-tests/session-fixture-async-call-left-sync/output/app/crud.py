from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


async def create_user(db: AsyncSession, email: str) -> User:
    user = User(email=email)
    db.add(user)
    await db.commit()
    return user
