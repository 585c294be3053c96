from fastapi import FastAPI

from app.db import unit
from app.repo import Repository

app = FastAPI()
REPO = Repository()


@app.get("/items")
def items():
    # The project's own context manager yields a sync Session: handed to a coroutine function, it is flagged.
    with unit() as session:
        return REPO.get_all(session, object)


@app.get("/count")
def count():
    with unit() as session:
        return len(session.exec(REPO.statement(object)).all())
