from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


async def init_db(db: AsyncSession) -> None:
    user = await db.get(User, 1)
    if user is None:
        db.add(User(id=1))
        await db.commit()


def describe(db) -> str:
    return repr(db)
