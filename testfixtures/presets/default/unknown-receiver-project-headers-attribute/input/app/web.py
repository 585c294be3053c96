from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.repo import Envelope

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db)):
    return Envelope(db).headers.get(item_id)


def header_of(message, item_id):
    # `message` may be an Envelope: its `headers` is a HeaderStore, whose `get` is async now.
    return message.headers.get(item_id)


def page_of(request):
    # No project class has a `query_params` attribute: this is the HTTP request's mapping.
    return request.query_params.get("page")
