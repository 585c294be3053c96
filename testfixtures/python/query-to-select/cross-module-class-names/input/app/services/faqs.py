from sqlalchemy.orm import Session

from app import models
from app.models import FAQ, FAQ_TABLE
from app.models.faq import URL


class FaqService:
    FAQ = None

    def all(self, db: Session):
        # The class-level `FAQ` is not visible in a method: this is the imported model.
        return db.query(FAQ).all()


def categories(db: Session):
    return db.query(FAQ.category).all()


def linked(db: Session):
    # Another model in the criteria: legacy Query de-duplicated the FAQ rows.
    return db.query(FAQ).filter(URL.faq_id == FAQ.id).all()


def through_module(db: Session):
    return db.query(models.FAQ).filter(models.FAQ.category == "x").first()


def archived(db: Session):
    return db.query(FAQ_TABLE).all()


def shadowed(db: Session, FAQ):
    return db.query(FAQ).all()
