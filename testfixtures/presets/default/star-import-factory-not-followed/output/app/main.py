from fastapi import Depends, FastAPI
from sqlalchemy import Column, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import Base, get_async_db


class Todo(Base):
    __tablename__ = "todos"
    id = Column(Integer, primary_key=True)
    title = Column(String)


app = FastAPI()


async def find_todo(todo_id, db):
    return await db.scalar(select(Todo).where(Todo.id == todo_id).limit(1))


@app.get("/todos/{todo_id}")
async def read_todo(todo_id: int, db: AsyncSession = Depends(get_async_db)):
    todo = await find_todo(todo_id, db)
    return {"title": todo.title if todo else None}
