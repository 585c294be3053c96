from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.tools import count_items, registry

app = FastAPI()


@app.get("/count")
def count(db: Session = Depends(get_db)):
    return {"n": count_items(db)}


@app.get("/tools/{name}")
def call_tool(name: str):
    return {"result": registry.call(name, {})}
