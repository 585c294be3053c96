from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import Item
from app.services import UserService

app = FastAPI()


class Audit:
    def __init__(self, db: Session = Depends(get_db)):
        self.db = db


@app.post("/users")
def create_user(email: str, service: UserService = Depends()):
    user = service.create(email)
    return {"id": user.id}


# The routes use the service's session themselves.
@app.post("/users/{user_id}/items")
def add_item(user_id: int, title: str, service: UserService = Depends()):
    service.db.add(Item(title=title, owner_id=user_id))
    service.db.commit()
    return {"ok": True}


@app.delete("/items/{item_id}")
def delete_item(item_id: int, service: Annotated[UserService, Depends()]):
    item = service.db.get(Item, item_id)
    service.db.delete(item)
    service.db.commit()
    return {"ok": True}


@app.post("/audit/flush")
def flush_audit(audit: Audit = Depends()):
    audit.db.commit()
    return {"ok": True}
