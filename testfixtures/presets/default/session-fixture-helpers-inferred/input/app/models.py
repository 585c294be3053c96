from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Element(Base):
    __tablename__ = "elements"
    id = Column(Integer, primary_key=True)
    name = Column(String)

    @classmethod
    def create(cls, db: Session, name: str) -> "Element":
        element = cls(name=name)
        db.add(element)
        db.commit()
        db.refresh(element)
        return element
