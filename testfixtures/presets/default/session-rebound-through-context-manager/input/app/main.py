from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from . import crud
from .db import Item, get_db, get_db_context

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db)):
    item = crud.get_item(item_id, db=db)
    return {"name": item.name if item else None}


@app.get("/count")
def count(db: Session = Depends(get_db)):
    return {"count": crud.count_items(db)}


@app.get("/names")
def names(db: Session = Depends(get_db)):
    return crud.item_names(db)


# Async after the migration (it awaits its commit): the helper, a plain def, hands its AsyncSession on to
# crud.item_names, flagged there.
@app.post("/audit")
def audit(db: Session = Depends(get_db)):
    names = lookup_names(db)
    db.commit()
    return {"names": names}


def lookup_names(db: Session) -> list[str]:
    return crud.item_names(db)


def report() -> int:
    return crud.count_items()


# Async after the migration (it awaits its commit): its AsyncSession goes through get_db_context into sync calls, flagged.
@app.post("/items/{item_id}/touch")
def touch(item_id: int, db: Session = Depends(get_db)):
    item = crud.get_item(item_id, db)
    db.commit()
    return {"ok": item is not None}


# Rebinds its injected session itself: kept on the sync dependency, which its sync calls need.
@app.get("/items/{item_id}/name")
def item_name(item_id: int, db: Session = Depends(get_db)):
    with get_db_context(db) as db:
        item = db.get(Item, item_id)
        return {"name": item.name if item else None}
