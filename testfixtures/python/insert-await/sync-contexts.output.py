from celery import shared_task
from pydantic import validator
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app.celery_app import celery_app
from app.database import SessionLocal
from app.models import User


class Repository:
    def __init__(self, db: AsyncSession):
        self.db = db
        self.count = self.db.scalar(select(User.id))

    @property
    def first(self):
        return self.db.get(User, 1)

    def __repr__(self):
        return f"<Repository {self.db.scalar(select(User.id))}>"

    def save(self, user: User):
        self.db.add(user)
        await self.db.commit()


def in_lambda(db: AsyncSession, ids):
    # The lambda cannot await: the whole function is left for a person.
    ordered = sorted(ids, key=lambda i: db.get(User, i).name)
    db.commit()
    return ordered


def in_generator(db: AsyncSession, ids):
    return sum(db.scalar(select(User.id).where(User.id == i)) for i in ids)


def in_comprehension(db: AsyncSession, ids):
    # A list comprehension runs in the function itself: awaiting inside it is fine.
    return [await db.get(User, i) for i in ids]


@shared_task
def nightly(db: AsyncSession):
    db.commit()


@celery_app.task(bind=True)
def cleanup(self):
    # A sync session made and used in a task that stays sync: correct as it is.
    with SessionLocal() as db:
        db.execute(select(User))
        db.commit()


@event.listens_for(Session, "after_commit")
def after_commit(session):
    session.info.clear()


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


with SessionLocal() as script_db:
    script_db.commit()
