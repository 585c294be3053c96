from typing import Optional

from sqlalchemy import BigInteger, Column, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

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


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("tags.id"))
    label: Mapped[str] = mapped_column(String(30))
