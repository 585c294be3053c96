from fastapi import FastAPI
from sqlmodel import select

from app.deps import SessionDep
from app.models import Hero

app = FastAPI()


@app.post("/heroes")
async def create_hero(name: str, session: SessionDep):
    hero = Hero(name=name)
    session.add(hero)
    await session.commit()
    await session.refresh(hero)
    return hero


@app.get("/heroes")
async def list_heroes(session: SessionDep):
    return (await session.exec(select(Hero))).all()
