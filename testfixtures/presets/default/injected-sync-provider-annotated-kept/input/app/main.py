import typing
from typing import Annotated

import fastapi
from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.deps import ReadDep, SessionDep, SharedDep

app = FastAPI()


# Need no await: FastAPI fills them with the sync Session get_db yields, so they keep saying Session.
def get_pending(db: Annotated[Session, Depends(get_db)]) -> int:
    return len(db.new)


def get_deleted(db: typing.Annotated[Session, fastapi.Depends(get_db)]) -> int:
    return len(db.deleted)


def get_dirty(db: SessionDep) -> int:
    return len(db.dirty)


@app.get("/pending")
def pending(count: int = Depends(get_pending), deleted: int = Depends(get_deleted), dirty: int = Depends(get_dirty)):
    return {"count": count, "deleted": deleted, "dirty": dirty}


def get_new(db: ReadDep) -> int:
    return len(db.new)


def get_shared(db: SharedDep) -> int:
    return len(db.identity_map)


@app.get("/new")
def new(count: int = Depends(get_new), shared: int = Depends(get_shared)):
    return {"count": count, "shared": shared}


@app.get("/shared")
async def shared(db: SharedDep):
    return {"n": len(db.new)}
