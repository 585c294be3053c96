from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app import crud
from app.api import deps
from app.models import Ticket

router = APIRouter()


@router.post("/tickets")
def add_ticket(title: str, owner_id: int, db: Session = Depends(deps.get_db)):
    return crud.tickets.add(db, title, owner_id).id


# `first_of_owner` is converted and called only here; `titles` keeps a legacy query. The handler stays a plain def on
# the sync session, through the module `deps`, and `first_of_owner` stays a plain def with it, although `add`, a
# method of the same repository, becomes async for `add_ticket`: it uses only the session it is handed.
@router.get("/owners/{owner_id}/summary")
def owner_summary(owner_id: int, db: Session = Depends(deps.get_db)):
    first = crud.tickets.first_of_owner(db, owner_id)
    return {"first": first.title if first else None, "titles": crud.tickets.titles(db, [Ticket.owner_id == owner_id])}
