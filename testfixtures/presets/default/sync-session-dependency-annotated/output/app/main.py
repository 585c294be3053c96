from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db_session
from app.models import User
from app.repo import UserRepository

app = FastAPI()


def get_user_repository(db: Annotated[Session, Depends(get_db_session)]) -> UserRepository:
    return UserRepository(db)


@app.get("/users/{user_id}")
def read_user(user_id: int, repo: Annotated[UserRepository, Depends(get_user_repository)]):
    return repo.get(user_id)


@app.get("/direct/{user_id}")
def read_direct(user_id: int, db: Annotated[Session, Depends(get_db_session)]):
    return db.get(User, user_id)
