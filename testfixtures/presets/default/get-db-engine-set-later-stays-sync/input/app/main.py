from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.orm import Session

from app import crud
from app.config import settings
from app.database import Base, get_db, init_engine
from app.reports.routes import router as reports_router

app = FastAPI()
app.include_router(reports_router)
Base.metadata.create_all(bind=init_engine(settings.DATABASE_URL))


def get_item_or_404(item_id: int, db: Session = Depends(get_db)):
    item = crud.get_item(db, item_id)
    if item is None:
        raise HTTPException(status_code=404)
    return item


@app.post("/items")
def create_item(name: str, db: Session = Depends(get_db)):
    item = crud.create_item(db, name)
    return {"id": item.id, "name": item.name}


@app.get("/items/{item_id}")
def read_item(item=Depends(get_item_or_404)):
    return {"id": item.id, "name": item.name}


@app.put("/items/{item_id}")
def rename_item(item_id: int, name: str, db: Session = Depends(get_db)):
    item = crud.rename_item(db, item_id, name)
    return {"id": item.id, "name": item.name}
