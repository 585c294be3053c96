from sqlalchemy import Column, Integer, String

from app.db import Base


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    title = Column(String)
