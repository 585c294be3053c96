from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.database import AsyncSessionLocal, SessionLocal
from app.models import Todos
from app import service

app = FastAPI()


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


async def get_async_db():
    async with AsyncSessionLocal() as session:
        yield session


@app.get("/todos")
def read_todos(db: Session = Depends(get_db)):
    return service.list_todos(db, [Todos.complete == False])


@app.get("/todos/summary")
def read_summary(db: Session = Depends(get_db)):
    return service.summary(db)


@app.get("/todos/search")
def search(title: str, db: Session = Depends(get_db)):
    return service.search_todos(db, [Todos.title == title])


@app.get("/todos/{todo_id}")
def read_todo(todo_id: int, db: Session = Depends(get_db)):
    todo = service.get_todo(db, todo_id)
    return {"todo": todo, "similar": service.search_todos(db, [Todos.title == todo.title])}
