from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import SessionLocal
from app.models import User


def legacy_query_left(db: AsyncSession):
    users = db.query(User).from_self().all()
    db.commit()
    return users


def connection_used(db: AsyncSession):
    conn = db.connection()
    conn.execute(text("SELECT 1"))


def transaction_object(db: AsyncSession):
    tx = db.begin()
    db.add(User())
    tx.commit()


def transaction_target_used(db: AsyncSession):
    with db.begin() as tx:
        db.add(User())
        tx.rollback()


def transaction_target_unused(db: AsyncSession):
    with db.begin() as tx:
        db.add(User())


def mixed_with(path: str):
    with SessionLocal() as db, open(path) as fh:
        db.add(User(name=fh.read()))
        db.commit()


def outer():
    with SessionLocal() as db:
        def inner():
            db.commit()
        inner()


def raw_sql(db: AsyncSession):
    # query-to-select reports the raw string; here it is only awaited.
    db.execute("DELETE FROM users")


async def misplaced_await(db: AsyncSession, s):
    # `await` applies to `.scalars()` here, not to execute(): wrong already, left for a person.
    return await db.execute(s).scalars()


def stream_result(db: AsyncSession, s):
    result = db.stream(s)
    return result
