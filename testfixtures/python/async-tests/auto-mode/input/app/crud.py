from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


async def create_user(db: AsyncSession, email: str) -> User:
    user = User(email=email)
    db.add(user)
    await db.commit()
    return user


async def get_user(db: AsyncSession, user_id: int):
    return await db.get(User, user_id)


async def list_users(db: AsyncSession):
    return (await db.scalars(select(User).order_by(User.id))).all()


def normalise(email: str) -> str:
    return email.strip().lower()
