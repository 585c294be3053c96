from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.models import Pet

app = FastAPI()

SessionDep = Annotated[AsyncSession, Depends(get_async_db)]


@app.post("/pets")
async def add_pet(name: str, owner_id: int, db: SessionDep):
    pet = Pet(name=name, owner_id=owner_id)
    db.add(pet)
    await db.commit()
    return {"id": pet.id}


@app.get("/pets")
async def list_pets(db: SessionDep):
    return [p.name for p in (await db.scalars(select(Pet))).all()]
