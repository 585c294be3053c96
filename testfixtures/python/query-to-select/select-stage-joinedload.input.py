from sqlalchemy.orm import Session, joinedload, selectinload

from app.models import Address, User


def users_with_addresses(db: Session):
    return db.query(User).options(joinedload(User.addresses)).all()


def one_user(db: Session, user_id: int):
    return db.query(User).options(joinedload(User.addresses)).filter(User.id == user_id).one()


def maybe_user(db: Session, user_id: int):
    return db.query(User).options(joinedload(User.addresses)).filter(User.id == user_id).one_or_none()


def first_user(db: Session):
    return db.query(User).options(joinedload(User.addresses)).first()


def selectin(db: Session):
    return db.query(User).options(selectinload(User.addresses)).all()


def implicit_join(db: Session):
    # Criteria on another class put its table in FROM: legacy Query de-duplicated the users.
    return db.query(User).filter(User.id == Address.user_id).all()
