import sqlalchemy as sa
import sqlalchemy.orm
from sqlalchemy import orm
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import AsyncSession

SessionLocal = sessionmaker(class_=orm.Session)


def one(db: AsyncSession) -> None:
    pass


def two(db: AsyncSession, other: "AsyncSession | None" = None) -> AsyncSession:
    return db
