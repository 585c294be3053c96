from sqlalchemy.orm import Session

from app import models
from app.models import FAQ, FAQ_TABLE
from app.models.faq import URL
from sqlalchemy import select


class FaqService:
    FAQ = None

    def all(self, db: Session):
        # The class-level `FAQ` is not visible in a method: this is the imported model.
        return (await db.scalars(select(FAQ))).all()


def categories(db: Session):
    return (await db.execute(select(FAQ.category))).all()


def linked(db: Session):
    # Another model in the criteria: legacy Query de-duplicated the FAQ rows.
    return (await db.scalars(select(FAQ).where(URL.faq_id == FAQ.id))).unique().all()


def through_module(db: Session):
    return await db.scalar(select(models.FAQ).where(models.FAQ.category == "x").limit(1))


def archived(db: Session):
    return db.query(FAQ_TABLE).all()


def shadowed(db: Session, FAQ):
    return db.query(FAQ).all()
