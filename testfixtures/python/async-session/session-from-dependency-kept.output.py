from sqlalchemy.orm import Session

from app.db.session import get_db
from sqlalchemy.ext.asyncio import AsyncSession


def get_db_session() -> Session:
    return next(get_db())


def count_users(db: AsyncSession) -> int:
    return db.query(User).count()
