from elasticsearch import Elasticsearch
from fastapi import Request
from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import select


class UserService:
    def __init__(self, repository, db: Session):
        self.repository = repository
        self.db = db

    def find(self, name):
        # Not a session: a repository object with its own query() method.
        return self.repository.query(User).filter(name=name).all()

    def find_db(self, name):
        return await self.db.scalar(select(User).where(User.name == name).limit(1))


def search(request: Request, es: Elasticsearch, db):
    term = request.query_params.get("q")
    hits = es.query(index="users").all()
    # `db` has no annotation and no Depends(): unknown, left alone.
    rows = db.query(User).all()
    return request.query(term), hits, rows


def helper(session):
    return session.query(User).all()
