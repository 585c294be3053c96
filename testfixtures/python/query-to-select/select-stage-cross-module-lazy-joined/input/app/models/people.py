from sqlalchemy import Column, Integer, String

from .library import Author, Base


class Guest(Author):
    pass


class Reader(Base):
    __tablename__ = "readers"
    id = Column(Integer, primary_key=True)
    name = Column(String)
