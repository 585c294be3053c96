from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import delete, update


def purge(db: Session):
    db.execute(delete(User).where(User.active == False).execution_options(synchronize_session='evaluate'))
    db.commit()


def purge_count(db: Session):
    deleted = db.execute(delete(User).where(User.active == False).execution_options(synchronize_session=False)).rowcount
    return deleted


def rename(db: Session, old: str, new: str):
    return db.execute(update(User).where(User.name == old).values({User.name: new}).execution_options(synchronize_session="fetch")).rowcount


def deactivate(db: Session):
    db.execute(update(User).filter_by(active=True).values({"active": False}).execution_options(synchronize_session='evaluate'))


def positional(db: Session):
    db.execute(delete(User).where(User.id > 10).execution_options(synchronize_session="fetch"))


def ordered_delete(db: Session):
    db.query(User).order_by(User.id).limit(5).delete()
