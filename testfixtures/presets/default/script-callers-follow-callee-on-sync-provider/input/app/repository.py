from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Product


class ProductRepository:
    def __init__(self, db: Session):
        self.db = db

    def titles(self) -> list[str]:
        return list(self.db.scalars(select(Product.title)))
