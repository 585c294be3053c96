from app.db import SessionLocal
from app.models import Item
from app.workers import WorkerSession
from sqlalchemy import delete, func, select


def count_items():
    with SessionLocal() as db:
        return db.scalar(select(func.count()).select_from(Item))


def purge_items():
    with WorkerSession() as db:
        db.execute(delete(Item).execution_options(synchronize_session='evaluate'))
        db.commit()
