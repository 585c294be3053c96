from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Product


def count_products(db: Session) -> int:
    return len(list(db.scalars(select(Product.id))))
