import app.api.deps
from fastapi import Depends
from sqlalchemy.orm import Session

from app.api import deps


def read_items(db: Session = Depends(deps.get_async_db)):
    return db


def read_other(db: Session = Depends(app.api.deps.get_async_db)):
    return db
