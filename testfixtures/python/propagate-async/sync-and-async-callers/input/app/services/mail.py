from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


def welcome_text(db: AsyncSession, user_id: int) -> str:
    user = await db.get(User, user_id)
    return f"Welcome, {user.name}"


def count_users(db: AsyncSession) -> int:
    return len((await db.scalars(User.__table__.select())).all())
