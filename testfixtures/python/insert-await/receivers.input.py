import requests
from redis import Redis
from requests import Session as HttpSession
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


class UserService:
    def __init__(self, repo, db: AsyncSession, cache: Redis):
        self.repo = repo
        self.db = db
        self.cache = cache

    def save(self, user: User):
        # Only self.db is a session: the repository and the cache keep their sync calls.
        self.repo.commit()
        self.cache.get("users")
        self.repo.execute(user)
        self.db.commit()


def http(url: str, session: HttpSession, db):
    # `db` has no annotation: not known to be a session.
    db.commit()
    with requests.Session() as client:
        client.get(url)
        client.close()
    return session.get(url), session.delete(url)


def helper(session):
    session.execute("SELECT 1")
    session.commit()


def shadowed(db: AsyncSession):
    db = make_something_else()
    db.commit()
