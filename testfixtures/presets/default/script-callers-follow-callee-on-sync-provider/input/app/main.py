from fastapi import Depends, FastAPI
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.crud import count_products
from app.database import get_db
from app.deps import provide_session
from app.repository import ProductRepository

app = FastAPI()


@app.get("/titles")
def list_titles(db: Session = Depends(get_db)) -> list[str]:
    return ProductRepository(db).titles()


@app.get("/count")
def count(db: Session = Depends(provide_session)) -> int:
    return count_products(db)


@app.get("/ping")
def ping(db: Session = Depends(provide_session)) -> int:
    return db.execute(text("select 1")).scalar_one()
