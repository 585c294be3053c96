from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


def get_user(db: AsyncSession, user_id: int) -> User:
    return await db.get(User, user_id)
