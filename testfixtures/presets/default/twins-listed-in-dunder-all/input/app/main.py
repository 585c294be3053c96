from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.crud import mark
from app.db.helpers import slug
from app.db import get_db

app = FastAPI()


@app.post("/items/{item_id}/done")
def done(item_id: int, db: Session = Depends(get_db)):
    mark(db, item_id)
    return {"ok": slug("Done")}
