from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy import text
from sqlalchemy.orm import Session

from app import db as database
from app.db import get_db

app = FastAPI()
SessionDep = Annotated[Session, Depends(get_db)]
DatabaseDep = Annotated[Session, Depends(database.get_db)]


@app.get("/a")
def a(session: SessionDep):
    return session.execute(text("select 1")).scalar()


@app.get("/b")
def b(session: DatabaseDep):
    return session.execute(text("select 2")).scalar()
