from sqlalchemy import Column, Integer, ForeignKey
from app.db import Base


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    score = Column(Integer)


class Vote(Base):
    __tablename__ = "votes"
    id = Column(Integer, primary_key=True)
    item_id = Column(Integer, ForeignKey("items.id"))
    value = Column(Integer)
