from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlmodel import select

from app.db import SessionDep, init_engine
from app.models import Hero


@asynccontextmanager
async def lifespan(app: FastAPI):
    init_engine()
    yield


app = FastAPI(lifespan=lifespan)


@app.post("/heroes")
def create_hero(name: str, session: SessionDep) -> Hero:
    hero = Hero(name=name)
    session.add(hero)
    session.commit()
    session.refresh(hero)
    return hero


@app.get("/heroes")
def list_heroes(session: SessionDep) -> list[Hero]:
    return list(session.exec(select(Hero)).all())
