from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db

app = FastAPI()


def ping(db: Session):
    db.commit()
    return {"ok": True}


@app.get("/ping")
def ping_route(db: Session = Depends(get_db)):
    return ping(db)
