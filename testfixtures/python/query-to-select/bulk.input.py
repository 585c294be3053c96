from sqlalchemy.orm import Session

from app.models import User


def purge(db: Session):
    db.query(User).filter(User.active == False).delete()
    db.commit()


def purge_count(db: Session):
    deleted = db.query(User).filter(User.active == False).delete(synchronize_session=False)
    return deleted


def rename(db: Session, old: str, new: str):
    return db.query(User).filter(User.name == old).update({User.name: new}, synchronize_session="fetch")


def deactivate(db: Session):
    db.query(User).filter_by(active=True).update({"active": False})


def positional(db: Session):
    db.query(User).filter(User.id > 10).delete("fetch")


def ordered_delete(db: Session):
    db.query(User).order_by(User.id).limit(5).delete()
