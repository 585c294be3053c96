from fastapi import Depends, FastAPI
from sqlmodel import Session, create_engine, select

from app.models import Hero

engine = create_engine("sqlite:///./heroes.db", connect_args={"check_same_thread": False})


def get_db():
    with Session(engine) as session:
        yield session


app = FastAPI()


@app.post("/heroes/")
def create_hero(hero: Hero, session: Session = Depends(get_db)):
    session.add(hero)
    session.commit()
    session.refresh(hero)
    return hero


@app.get("/heroes/")
def read_heroes(session: Session = Depends(get_db)):
    return session.exec(select(Hero)).all()
