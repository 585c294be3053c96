from app.deps import DbSession
from app.models import User


class OrderSession(DbSession):
    pass


def active_users(db: DbSession):
    return db.query(User).filter(User.active).all()


def by_subclass(db: OrderSession):
    return db.query(User).get(1)


def not_configured(db: "Other"):
    return db.query(User).all()
