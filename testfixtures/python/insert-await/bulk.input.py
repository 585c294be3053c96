from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


def save_all(db: AsyncSession, users: list[User]):
    db.bulk_save_objects(users)
    db.commit()


def insert_rows(db: AsyncSession, rows: list[dict]):
    db.bulk_insert_mappings(User, rows, return_defaults=True, render_nulls=True)
    db.commit()


def update_rows(db: AsyncSession, rows):
    # The lambda's parameter avoids the names the arguments use.
    sync_session = rows
    db.bulk_update_mappings(
        User,
        [dict(r) for r in sync_session],  # one dict per row
    )


def awaited_argument(db: AsyncSession, fetch):
    db.bulk_insert_mappings(User, await fetch())


def session_call_in_arguments(db: AsyncSession, stmt):
    db.bulk_insert_mappings(User, db.execute(stmt).mappings().all())
