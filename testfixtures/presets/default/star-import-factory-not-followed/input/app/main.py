from fastapi import Depends, FastAPI
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import Session

from app.db import Base, get_db


class Todo(Base):
    __tablename__ = "todos"
    id = Column(Integer, primary_key=True)
    title = Column(String)


app = FastAPI()


def find_todo(todo_id, db):
    return db.query(Todo).filter(Todo.id == todo_id).first()


@app.get("/todos/{todo_id}")
def read_todo(todo_id: int, db: Session = Depends(get_db)):
    todo = find_todo(todo_id, db)
    return {"title": todo.title if todo else None}
