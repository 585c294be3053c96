from sqlalchemy.orm import Session

from app.models import Product


class Catalog:
    def __init__(self, db: Session):
        self.db = db

    def add(self, title: str) -> Product:
        product = Product(title=title)
        self.db.add(product)
        self.db.commit()
        return product


class Labeller:
    def __init__(self, db):
        self.db = db

    def label(self, title: str) -> str:
        return title.upper()
