from fastapi import Depends, FastAPI
from sqlmodel import Session

from app import crud
from app.database import get_db
from app.models import HeroCreate, HeroPublicWithTeam

app = FastAPI()


@app.post("/heroes", response_model=HeroPublicWithTeam)
def create_hero(hero: HeroCreate, session: Session = Depends(get_db)):
    return crud.create_hero(session, hero)
