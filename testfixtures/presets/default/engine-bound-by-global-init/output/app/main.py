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
async def create_hero(name: str, session: SessionDep) -> Hero:
    hero = Hero(name=name)
    session.add(hero)
    await session.commit()
    await session.refresh(hero)
    return hero


@app.get("/heroes")
async def list_heroes(session: SessionDep) -> list[Hero]:
    return list((await session.exec(select(Hero))).all())
