import os

from fastapi import Depends, FastAPI
from sqlmodel import Field, Session, SQLModel, create_engine, select
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

URL = os.environ.get("DATABASE_URL", "sqlite:///./heroes.db")


def _async_database_url(url) -> str:
    """The URL with its sync driver replaced by the async one (for create_async_engine); str or sqlalchemy URL."""
    drivers = {
        "postgresql": "postgresql+asyncpg",
        "postgresql+psycopg2": "postgresql+asyncpg",
        "postgresql+psycopg": "postgresql+psycopg",
        "sqlite": "sqlite+aiosqlite",
        "mysql": "mysql+aiomysql",
        "mysql+pymysql": "mysql+aiomysql",
    }
    if isinstance(url, str):
        scheme, separator, rest = url.partition("://")
        if separator and scheme in drivers:
            return drivers[scheme] + "://" + rest
    elif hasattr(url, "drivername") and hasattr(url, "set"):
        scheme = url.drivername
        if scheme in drivers:
            return url.set(drivername=drivers[scheme]).render_as_string(hide_password=False)
    else:
        raise TypeError(f"expected a database URL (str or sqlalchemy URL), got {type(url).__name__}")
    raise ValueError(f"no async driver is known for the database URL scheme {scheme!r}; set the async URL by hand")


if URL.startswith("sqlite"):
    engine = create_engine(URL, connect_args={"check_same_thread": False})
    async_engine = create_async_engine(_async_database_url(URL), connect_args={"check_same_thread": False})
else:
    engine = create_engine(URL)
    async_engine = create_async_engine(_async_database_url(URL))


class Hero(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str


SQLModel.metadata.create_all(engine)
app = FastAPI()


def get_db():
    with Session(engine) as session:
        yield session


async def get_async_db():
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        yield session


@app.get("/heroes")
async def list_heroes():
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        return (await session.exec(select(Hero))).all()


@app.post("/heroes")
async def create_hero(hero: Hero, session: AsyncSession = Depends(get_async_db)):
    session.add(hero)
    await session.commit()
    await session.refresh(hero)
    return hero
