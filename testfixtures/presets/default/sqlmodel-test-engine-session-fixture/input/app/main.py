from fastapi import Depends, FastAPI
from sqlmodel import Session

from app import crud
from app.db import get_db

app = FastAPI()


@app.get("/thirsty")
def list_thirsty(session: Session = Depends(get_db)):
    return crud.thirsty(session)
