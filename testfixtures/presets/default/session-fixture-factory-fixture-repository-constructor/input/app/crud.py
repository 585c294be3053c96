from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Batch


def get_batch(db: Session, reference: str):
    return db.scalar(select(Batch).where(Batch.reference == reference))
