from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Product


def list_products(db: Session):
    return db.scalars(select(Product)).all()


def session_label(db) -> str:
    return type(db).__name__
