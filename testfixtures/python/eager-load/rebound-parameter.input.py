from typing import Optional

from sqlalchemy import Column, ForeignKey, Integer, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    todos = relationship("Todo", back_populates="user")


class Todo(Base):
    __tablename__ = "todos"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"))
    user = relationship("User", back_populates="todos")


# The parameter is rebound before the read on every path: the read is on what the query returns.
async def todo_count(db: AsyncSession, user: User):
    user = await db.scalar(select(User).where(User.id == user.id))
    return len(user.todos)


# Rebound in one branch only: the parameter's own object may reach the read, which is not followed.
async def maybe_reloaded(db: AsyncSession, user: Optional[User], reload: bool):
    if reload:
        user = await db.scalar(select(User).where(User.id == user.id))
    return len(user.todos)
