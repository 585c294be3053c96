from fastapi import Depends, FastAPI
from sqlmodel import Field, Session, SQLModel, select

from app.db import get_engine, get_db


class Hero(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str


app = FastAPI()
SQLModel.metadata.create_all(get_engine())


def list_heroes(session: Session):
    return session.exec(select(Hero)).all()


@app.post("/heroes")
def create_hero(name: str, session: Session = Depends(get_db)):
    hero = Hero(name=name)
    session.add(hero)
    session.commit()
    session.refresh(hero)
    return hero


@app.get("/heroes")
def read_heroes(session: Session = Depends(get_db)):
    return list_heroes(session)
