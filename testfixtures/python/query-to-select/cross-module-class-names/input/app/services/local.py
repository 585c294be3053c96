from sqlalchemy import Column, Integer
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()

LIMIT = 10


class TAG(Base):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True)


def tags(db: Session):
    return db.query(TAG).limit(LIMIT).all()


def constant(db: Session):
    return db.query(LIMIT).all()
