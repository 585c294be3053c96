from fastapi import APIRouter

from app import deps
from app.deps import DbDep
from app.models import User

router = APIRouter()


@router.get("/users/{user_id}")
def read_user(user_id: int, db: DbDep):
    # DbDep injects a sync Session (its provider gets no async twin): kept a plain def, reported.
    return db.get(User, user_id)


@router.get("/users/{user_id}/name")
def read_name(user_id: int, db: deps.DbDep):
    return db.get(User, user_id).name
