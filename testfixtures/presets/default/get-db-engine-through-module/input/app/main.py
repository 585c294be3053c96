from fastapi import FastAPI
from sqlmodel import select

from app.deps import SessionDep
from app.models import Hero

app = FastAPI()


@app.post("/heroes")
def create_hero(name: str, session: SessionDep):
    hero = Hero(name=name)
    session.add(hero)
    session.commit()
    session.refresh(hero)
    return hero


@app.get("/heroes")
def list_heroes(session: SessionDep):
    return session.exec(select(Hero)).all()
