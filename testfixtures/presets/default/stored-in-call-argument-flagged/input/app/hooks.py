from sqlalchemy.orm import Session

from app import crud


def load_context(db: Session, context: dict):
    context["item"] = crud.get_item(db, 1)


def check_name(db: Session, context: dict):
    context["ok"] = context["item"] is not None
