from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


def kept(db: AsyncSession, user: User):
    db.add(user)
    db.flush()  # awaitify: ignore
    db.commit()


def converted(db: AsyncSession):
    await db.commit()
