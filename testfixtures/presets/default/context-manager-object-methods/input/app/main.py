from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.uow import Reader, UnitOfWork

app = FastAPI()


@app.post("/users")
def create_user(email: str, db: Session = Depends(get_db)):
    with UnitOfWork(db) as uow:
        user = uow.users.add(email)
        uow.commit()
        return {"id": user.id}


@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    with Reader(db) as users:
        return {"email": users.get(user_id).email}
