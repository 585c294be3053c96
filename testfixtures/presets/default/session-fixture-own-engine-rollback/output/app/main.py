from fastapi import Depends, FastAPI
from sqlmodel import Session, create_engine, select

from app.models import Hero
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

engine = create_engine("sqlite:///./heroes.db", connect_args={"check_same_thread": False})
async_engine = create_async_engine("sqlite+aiosqlite:///./heroes.db", connect_args={"check_same_thread": False})


def get_db():
    with Session(engine) as session:
        yield session


async def get_async_db():
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        yield session


app = FastAPI()


@app.post("/heroes/")
async def create_hero(hero: Hero, session: AsyncSession = Depends(get_async_db)):
    session.add(hero)
    await session.commit()
    await session.refresh(hero)
    return hero


@app.get("/heroes/")
async def read_heroes(session: AsyncSession = Depends(get_async_db)):
    return (await session.exec(select(Hero))).all()
