from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import Pet

app = FastAPI()

SessionDep = Annotated[Session, Depends(get_db)]


@app.post("/pets")
def add_pet(name: str, owner_id: int, db: SessionDep):
    pet = Pet(name=name, owner_id=owner_id)
    db.add(pet)
    db.commit()
    return {"id": pet.id}


@app.get("/pets")
def list_pets(db: SessionDep):
    return [p.name for p in db.scalars(select(Pet)).all()]
