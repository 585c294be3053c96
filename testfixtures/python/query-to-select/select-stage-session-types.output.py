from app.deps import DbSession
from app.models import User
from sqlalchemy import select


class OrderSession(DbSession):
    pass


def active_users(db: DbSession):
    return db.scalars(select(User).where(User.active)).all()


def by_subclass(db: OrderSession):
    return db.get(User, 1)


def not_configured(db: "Other"):
    return db.query(User).all()
