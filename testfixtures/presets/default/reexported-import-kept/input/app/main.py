from fastapi import FastAPI

from app.health import ping
from app.jobs import get_item

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: int):
    item = get_item(item_id)
    return {"id": item.id if item else None}


@app.get("/health")
def health():
    return {"db": ping()}
