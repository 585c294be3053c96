from fastapi import Depends, FastAPI
from sqlmodel import Field, Session, SQLModel, create_engine, select
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession


class Hero(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str


engine = create_engine("sqlite:///p8.db")
async_engine = create_async_engine("sqlite+aiosqlite:///p8.db")


def get_db():
    with Session(engine) as session:
        yield session


async def get_async_db():
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        yield session


app = FastAPI()


@app.get("/heroes")
def read_heroes(db: Session = Depends(get_db)):
    conds = [Hero.name != ""]
    return db.query(Hero).filter(*conds).populate_existing().all()


@app.get("/heroes/{hero_id}")
async def read_hero(hero_id: int, db: AsyncSession = Depends(get_async_db)):
    return await db.get(Hero, hero_id)
