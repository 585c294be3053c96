from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table
from sqlalchemy.orm import declarative_base

Base = declarative_base()
metadata = MetaData()

UserTags = Table(
    "user_tags",
    metadata,
    Column("user_id", ForeignKey("users.id")),
    Column("tag", String),
)


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
