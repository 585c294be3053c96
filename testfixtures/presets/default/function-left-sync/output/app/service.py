from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


def add_member(db: AsyncSession, email: str):
    user = db.query(User).filter(User.email == email).first()
    # from_self() has no select() equivalent: this query stays, so the function stays sync.
    rows = db.query(User).from_self().all()
    return user, rows


def report(db: AsyncSession):
    users = db.scalars(select(User)).all()
    conn = db.connection()
    conn.execute(text("select 1"))
    return users


async def find(db: AsyncSession, email: str):
    return await db.scalar(select(User).where(User.email == email).limit(1))
