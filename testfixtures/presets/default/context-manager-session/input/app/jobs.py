from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.database import app_session
from app.models import Item


def count_items(db: Session) -> int:
    return db.scalar(select(func.count(Item.id)))


def nightly_job() -> dict:
    with app_session() as db:
        ids = db.execute(select(Item.id)).all()
        total = count_items(db)
    return {"ids": ids, "total": total}
