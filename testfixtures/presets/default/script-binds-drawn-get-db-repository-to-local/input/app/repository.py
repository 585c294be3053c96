from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Product


class ProductRepository:
    def __init__(self, db: Session) -> None:
        self.db = db

    def label(self) -> str:
        return "products"

    def find(self, product_id: int) -> Product | None:
        return self.db.get(Product, product_id)

    def titles(self) -> list[str]:
        return list(self.db.scalars(select(Product.title).order_by(Product.id)))

    def add(self, title: str) -> Product:
        product = Product(title=title)
        self.db.add(product)
        self.db.commit()
        self.db.refresh(product)
        return product
