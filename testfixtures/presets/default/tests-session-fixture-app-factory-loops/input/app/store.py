from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Product


def add_product(db: Session, title: str) -> Product:
    product = Product(title=title)
    db.add(product)
    db.commit()
    return product


def find_product(db: Session, title: str) -> Product | None:
    return db.scalar(select(Product).where(Product.title == title))
