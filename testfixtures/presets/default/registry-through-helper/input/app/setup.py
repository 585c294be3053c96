from sqlalchemy.orm import Session

from app.services import Catalog, Labeller


def stock(db, title):
    Catalog(db).add(title)


def stock_many(session, titles):
    for title in titles:
        stock(session, title)


def labels(db, titles):
    return [Labeller(db).label(t) for t in titles]


def restock(db: Session, title: str) -> None:
    catalog = Catalog(db)
    catalog.add(title)


def restock_all(db, titles):
    for title in titles:
        restock(db, title)
