from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


def every_awaited_method(db: AsyncSession, user: User, stmt):
    await db.execute(stmt)
    await db.scalar(stmt)
    await db.scalars(stmt)
    await db.get(User, 1)
    await db.get_one(User, 1)
    await db.refresh(user)
    await db.delete(user)
    await db.merge(user)
    await db.flush()
    await db.commit()
    await db.rollback()
    await db.close()
    await db.reset()
    await db.invalidate()
    await db.connection()
    await db.run_sync(lambda s: s.info)
    await db.stream(stmt)
    await db.stream_scalars(stmt)


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
    await db.commit()
    await db.refresh(user)
    return user
