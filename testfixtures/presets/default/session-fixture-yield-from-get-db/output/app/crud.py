from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


async def get_user_by_email(db: AsyncSession, email: str):
    return (await db.scalars(select(User).where(User.email == email))).first()
