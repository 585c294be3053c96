from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


def every_awaited_method(db: AsyncSession, user: User, stmt):
    db.execute(stmt)
    db.scalar(stmt)
    db.scalars(stmt)
    db.get(User, 1)
    db.get_one(User, 1)
    db.refresh(user)
    db.delete(user)
    db.merge(user)
    db.flush()
    db.commit()
    db.rollback()
    db.close()
    db.reset()
    db.invalidate()
    db.connection()
    db.run_sync(lambda s: s.info)
    db.stream(stmt)
    db.stream_scalars(stmt)


def never_awaited(db: AsyncSession, user: User, users: list):
    db.add(user)
    db.add_all(users)
    db.expire(user)
    db.expire_all()
    db.expunge(user)
    db.expunge_all()
    changed = db.is_modified(user)
    active = db.in_transaction()
    nested = db.in_nested_transaction()
    tx = db.get_transaction()
    bind = db.get_bind()
    pending = (db.dirty, db.new, db.deleted, db.identity_map)
    with db.no_autoflush:
        db.add(user)
    return changed, active, nested, tx, bind, pending


def create_user(db: AsyncSession, name: str) -> User:
    user = User(name=name)
    db.add(user)
    db.commit()
    db.refresh(user)
    return user
