from sqlalchemy import func
from sqlalchemy.orm import Session

from app import reports
from app.models import Address, Item, User

counter = func.count(Item.id)


def assigned_twice(db: Session, by_price: bool):
    total = func.count(Item.id)
    if by_price:
        total = func.sum(Item.price)
    return db.query(Item.owner_id, total).group_by(Item.owner_id).all()


def parameter(db: Session, total):
    return db.query(Item.owner_id, total).group_by(Item.owner_id).all()


def parameter_default(db: Session, total=func.sum(Item.price)):
    return db.query(Item.owner_id, total).group_by(Item.owner_id).all()


def augmented(db: Session):
    total = func.sum(Item.price)
    total += 1
    return db.query(total).all()


def loop_target(db: Session, columns):
    total = func.sum(Item.price)
    for total in columns:
        pass
    return db.query(Item.owner_id, total).group_by(Item.owner_id).all()


def with_target(db: Session, opener):
    total = func.sum(Item.price)
    with opener() as total:
        pass
    return db.query(Item.owner_id, total).group_by(Item.owner_id).all()


def except_target(db: Session):
    total = func.sum(Item.price)
    try:
        pass
    except ValueError as total:
        pass
    return db.query(Item.owner_id, total).group_by(Item.owner_id).all()


def global_store(db: Session):
    global counter
    counter = func.count(Item.id)
    return db.query(Item.owner_id, counter).group_by(Item.owner_id).all()


def comprehension_walrus(db: Session, columns):
    total = func.sum(Item.price)
    picked = [(total := c) for c in columns]
    return db.query(Item.owner_id, total).group_by(Item.owner_id).all(), picked


def nested_store(db: Session, column):
    total = func.sum(Item.price)

    def swap():
        nonlocal total
        total = column

    swap()
    return db.query(Item.owner_id, total).group_by(Item.owner_id).all()


def module_level(db: Session):
    return db.query(Item.owner_id, counter).group_by(Item.owner_id).all()


def helper_result(db: Session):
    total = reports.revenue_column()
    return db.query(Item.owner_id, total).group_by(Item.owner_id).all()


def shadowed_func(db: Session, func):
    total = func.sum(Item.price)
    return db.query(Item.owner_id, total).group_by(Item.owner_id).all()


def unknown_arithmetic(db: Session, factor):
    scaled = Item.price * factor
    return db.query(Item.id, scaled).all()
