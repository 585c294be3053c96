from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app import crud
from app.db import SessionLocal, get_db, new_session, tenant_session

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db)):
    return crud.get_item(db, item_id)


@app.get("/tenant/{slug}/items/{item_id}")
def read_tenant_item(slug: str, item_id: int):
    # tenant_session() returns a sync Session too (its engine gets no async twin).
    db = tenant_session(slug)
    try:
        return crud.get_item(db, item_id)
    finally:
        db.close()


@app.get("/other/{item_id}")
def read_other(item_id: int):
    # new_session() returns a sync Session: get_item, async now, awaits calls on it.
    db = new_session()
    return crud.get_item(db, item_id)


def next_id() -> int:
    return 1


@app.get("/inline")
def read_inline():
    # The session made in the argument is sync too; next_id() goes to no session parameter.
    return crud.get_item(new_session(), next_id())


@app.get("/maybe/{item_id}")
def read_maybe(item_id: int, slug: str = ""):
    # One of the values `db` may hold is a sync Session that nothing switches: flagged.
    if slug:
        db = tenant_session(slug)
    else:
        db = SessionLocal()
    return crud.get_item(db, item_id)
