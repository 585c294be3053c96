from sqlalchemy import BigInteger, Column, ForeignKey, Integer, String

from app.db import Base


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String, index=True)


class Item(Base):
    __tablename__ = "items"
    id = Column(BigInteger, primary_key=True)
    owner_id = Column(Integer, ForeignKey("users.id"))
    code = Column(String(20))
