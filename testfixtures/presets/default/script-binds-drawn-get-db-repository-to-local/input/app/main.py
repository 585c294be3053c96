from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.database import get_db
from app.repository import ProductRepository

app = FastAPI()


@app.get("/titles")
def list_titles(db: Session = Depends(get_db)) -> list[str]:
    return ProductRepository(db).titles()
