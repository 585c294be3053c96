from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app.db import SessionLocal, get_async_db
from app.models import User


def count_users(db: Session) -> int:
    return db.query(User).count()


def multi_line(db: Session):
    return (
        db.query(User)
        .filter(User.active)
        .all()
    )


def from_factory():
    with SessionLocal() as session:
        return session.query(User).first()


class UserRepository:
    def __init__(self, db: Session):
        self.db = db

    def get(self, user_id: int):
        return self.db.query(User).get(user_id)


async def still_legacy(db: AsyncSession = Depends(get_async_db)):
    return db.query(User).all()


# Receivers that are not sessions.
def search(request: Request, es, repository):
    request.query("q")
    es.query(index="users")
    repository.query(User)


class Service:
    def __init__(self, repository):
        self.repository = repository

    def find(self):
        return self.repository.query(User)
