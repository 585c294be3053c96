from fastapi import APIRouter, Depends
from sqlmodel.ext.asyncio.session import AsyncSession

from app.main import get_async_db
from app.models import Todos
from app import service

router = APIRouter()


# A file importing SQLModel: awaitify does not give its routes kept sync their sync session back, so this one hands
# on what async-get-db gave it, and report_todos keeps saying AsyncSession.
@router.get("/reports")
def report(db: AsyncSession = Depends(get_async_db)):
    return service.report_todos(db, [Todos.complete == True])
