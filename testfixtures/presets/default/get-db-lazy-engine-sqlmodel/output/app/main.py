from fastapi import Depends, FastAPI
from sqlmodel import Field, SQLModel, select

from app.db import get_engine, get_async_db
from sqlmodel.ext.asyncio.session import AsyncSession


class Hero(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str


app = FastAPI()
SQLModel.metadata.create_all(get_engine())


async def list_heroes(session: AsyncSession):
    return (await session.exec(select(Hero))).all()


@app.post("/heroes")
async def create_hero(name: str, session: AsyncSession = Depends(get_async_db)):
    hero = Hero(name=name)
    session.add(hero)
    await session.commit()
    await session.refresh(hero)
    return hero


@app.get("/heroes")
async def read_heroes(session: AsyncSession = Depends(get_async_db)):
    return await list_heroes(session)
