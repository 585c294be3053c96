from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


async def welcome_text(db: AsyncSession, user_id: int) -> str:
    user = await db.get(User, user_id)
    return f"Welcome, {user.name}"


async def count_users(db: AsyncSession) -> int:
    return len((await db.scalars(User.__table__.select())).all())
