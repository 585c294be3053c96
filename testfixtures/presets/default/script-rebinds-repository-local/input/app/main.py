from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.database import get_db
from app.repository import ProductRepository

app = FastAPI()


class Fake:
    def titles(self) -> list[str]:
        return []


@app.get("/both")
def both(db: Session = Depends(get_db), other: Session = Depends(get_db)) -> list[str]:
    # Bound twice, each time to a ProductRepository: both calls are awaited.
    repo = ProductRepository(db)
    first = repo.titles()
    repo = ProductRepository(other)
    return first + repo.titles()


@app.get("/branch")
def branch(flag: bool, db: Session = Depends(get_db)) -> list[str]:
    if flag:
        repo = ProductRepository(db)
    else:
        repo = ProductRepository(db=db)
    return repo.titles()


@app.get("/mixed")
def mixed(flag: bool, db: Session = Depends(get_db)) -> list[str]:
    # A ProductRepository or a Fake, whose titles() stays sync: not awaited, reported.
    repo = ProductRepository(db)
    if flag:
        repo = Fake()
    return repo.titles()
