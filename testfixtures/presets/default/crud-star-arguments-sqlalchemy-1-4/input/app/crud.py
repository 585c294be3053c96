from typing import Optional

from sqlalchemy.orm import Session, selectinload

from app.models import Item, Owner


def search_items(db: Session, name: Optional[str] = None, active: Optional[bool] = None, ordering: Optional[list] = None):
    conds = []
    if name:
        conds.append(Item.name == name)
    if active is not None:
        conds.append(Item.active == active)
    return db.query(Item).filter(*conds).order_by(*(ordering or [Item.id])).all()


def find_item(db: Session, **fields):
    return db.query(Item).filter_by(**fields).first()


def owners_with_items(db: Session):
    loaders = [selectinload(Owner.items)]
    return db.query(Owner).options(*loaders).order_by(Owner.id).all()


def columns_of_items(db: Session, cols: list):
    # One entity in `cols`: objects; anything else: rows. Only known at run time, so this stays as it is.
    return db.query(*cols).all()
