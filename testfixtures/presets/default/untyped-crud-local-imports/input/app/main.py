from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.orm import Session

from app.db import get_db
from app.legacy import get_user

app = FastAPI()


@app.post("/users")
def create(email: str, db: Session = Depends(get_db)):
    import app.crud as crud

    return {"id": crud.create_user(db, email).id}


@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    from app.crud import get_user

    user = get_user(db, user_id)
    if user is None:
        raise HTTPException(status_code=404)
    return {"email": user.email}


@app.get("/count")
def count(db: Session = Depends(get_db)):
    from app import crud

    def total():
        # Nested: the enclosing function's import is what `crud` is here.
        return crud.count_users(db)

    return {"n": total()}


def exported(path, id):
    with open(path) as store:
        return get_user(store, id)
