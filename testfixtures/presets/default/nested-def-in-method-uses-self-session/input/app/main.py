from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.repo import ItemRepository

app = FastAPI()


@app.post("/items-with-stats")
def create_with_stats(name: str, db: Session = Depends(get_db)):
    repo = ItemRepository(db)
    item = repo.add(name)
    # stats() reads the session in a def nested in it: it must be awaited like add().
    return {"id": item.id, "stats": repo.stats()}
