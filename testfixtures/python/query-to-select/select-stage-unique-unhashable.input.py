from sqlalchemy import JSON, Column, ForeignKey, Integer, String, case, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String)
    prefs = Column(JSON)
    addresses = relationship("Address", back_populates="user")


class Address(Base):
    __tablename__ = "addresses"
    id = Column(Integer, primary_key=True)
    email = Column(String)
    labels = Column(ARRAY(String))
    user_id = Column(Integer, ForeignKey("users.id"))
    user = relationship("User", back_populates="addresses")


def users_and_labels(db: Session):
    # Result.unique() raises on the list values; legacy Query hashed them by id().
    return db.query(User, Address.labels).join(Address).all()


def user_and_prefs(db: Session, address_id: int):
    return db.query(User, User.prefs).join(Address).filter(Address.id == address_id).one()


def users_and_kinds(db: Session):
    return db.query(User, case((Address.email.like("%@x"), "x"), else_="other")).join(Address).all()


def users_and_counts(db: Session):
    return db.query(User, func.count(Address.id).label("n")).outerjoin(Address).group_by(User.id).all()


def users_and_emails(db: Session):
    return db.query(User, Address.email).join(Address).all()


def ids_and_labels(db: Session):
    return db.query(User.id, Address.labels).join(Address).all()


def users_and_own_prefs(db: Session):
    return db.query(User, User.prefs).all()
