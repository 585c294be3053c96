from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.uow import UnitOfWork, get_uow

app = FastAPI()


def get_pending(db: Session = Depends(get_db)) -> int:
    return len(db.new)


@app.get("/pending")
def pending(count: int = Depends(get_pending), uow: UnitOfWork = Depends(get_uow)):
    return {"count": count, "uow": type(uow).__name__}


@app.get("/dirty")
def dirty(db: Session = Depends(get_db)):
    return {"dirty": len(db.dirty)}
