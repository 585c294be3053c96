from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.admin import router
from app.stats import router as stats_router
from app.jobs import count_items
from app.models import Item
from sqlalchemy import select

app = FastAPI()
app.include_router(router)
app.include_router(stats_router)


@app.get("/items")
def list_items(db: Session = Depends(get_db)):
    return {"n": len(db.scalars(select(Item)).all()), "c": count_items()}
