from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import relationship

from app.db import Base


class Shelf(Base):
    __tablename__ = "shelves"
    id = Column(Integer, primary_key=True)
    label = Column(String)
    books = relationship("Book", back_populates="shelf")


class Book(Base):
    __tablename__ = "books"
    id = Column(Integer, primary_key=True)
    title = Column(String)
    shelf_id = Column(Integer, ForeignKey("shelves.id"))
    shelf = relationship("Shelf", back_populates="books")
