from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import Session

from app.database import Base


class ActiveRecord:
    # Shared by the models: `cls` is the model the method is called on.
    @classmethod
    def get(cls, db: Session, pk: int):
        return db.query(cls).get(pk)

    @classmethod
    def count(cls, db: Session) -> int:
        return db.query(cls).count()


class User(ActiveRecord, Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    email = Column(String, unique=True)

    @classmethod
    def by_email(cls, db: Session, email: str):
        return db.query(cls).filter(cls.email == email).first()

    @classmethod
    def create(cls, db: Session, **kwargs):
        obj = cls(**kwargs)
        db.add(obj)
        db.commit()
        db.refresh(obj)
        return obj
