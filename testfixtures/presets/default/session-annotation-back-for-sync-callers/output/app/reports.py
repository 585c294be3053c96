from fastapi import APIRouter, Depends
from sqlmodel import Session

from app.main import get_db
from app.models import Todos
from app import service

router = APIRouter()


# A file importing SQLModel: its route kept sync gets SQLModel's sync session back too, so report_todos, handed only
# that, says Session again.
@router.get("/reports")
def report(db: Session = Depends(get_db)):
    return service.report_todos(db, [Todos.complete == True])
