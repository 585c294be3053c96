from fastapi import Depends, FastAPI
from sqlmodel import Field, Session, SQLModel, create_engine, select


class Hero(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str


engine = create_engine("sqlite:///p8.db")


def get_db():
    with Session(engine) as session:
        yield session


app = FastAPI()


@app.get("/heroes")
def read_heroes(db: Session = Depends(get_db)):
    conds = [Hero.name != ""]
    return db.query(Hero).filter(*conds).populate_existing().all()


@app.get("/heroes/{hero_id}")
def read_hero(hero_id: int, db: Session = Depends(get_db)):
    return db.get(Hero, hero_id)
