from sqlalchemy import Column, Integer, String

from app.db import Base
from app.setup_helpers import with_labels


class Label(Base):
    __tablename__ = "labels"
    id = Column(Integer, primary_key=True)
    name = Column(String)


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    title = Column(String)

    @with_labels()
    def __init__(self, session, title):
        self.title = title
