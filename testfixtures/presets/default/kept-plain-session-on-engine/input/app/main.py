from fastapi import Depends, FastAPI
from sqlmodel import Session

from app.db import get_db
from app.logs import recent

app = FastAPI()


@app.get("/logs")
def read_logs(session: Session = Depends(get_db)):
    return recent(session)
