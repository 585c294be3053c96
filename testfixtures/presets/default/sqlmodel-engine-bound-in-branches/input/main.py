import os

from fastapi import Depends, FastAPI
from sqlmodel import Field, Session, SQLModel, create_engine, select

URL = os.environ.get("DATABASE_URL", "sqlite:///./heroes.db")
if URL.startswith("sqlite"):
    engine = create_engine(URL, connect_args={"check_same_thread": False})
else:
    engine = create_engine(URL)


class Hero(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str


SQLModel.metadata.create_all(engine)
app = FastAPI()


def get_db():
    with Session(engine) as session:
        yield session


@app.get("/heroes")
def list_heroes():
    with Session(engine) as session:
        return session.exec(select(Hero)).all()


@app.post("/heroes")
def create_hero(hero: Hero, session: Session = Depends(get_db)):
    session.add(hero)
    session.commit()
    session.refresh(hero)
    return hero
