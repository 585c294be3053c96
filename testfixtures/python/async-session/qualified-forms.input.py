import sqlalchemy as sa
import sqlalchemy.orm
from sqlalchemy import orm
from sqlalchemy.orm import sessionmaker

SessionLocal = sessionmaker(class_=orm.Session)


def one(db: sqlalchemy.orm.Session) -> None:
    pass


def two(db: orm.Session, other: "sa.orm.Session | None" = None) -> orm.Session:
    return db
