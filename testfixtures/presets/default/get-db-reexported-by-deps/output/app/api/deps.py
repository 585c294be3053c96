# The API's dependencies: get_db is taken from the session module, and routes use `deps.get_db`.
from fastapi import Header

from app.db.session import get_async_db, get_db

__all__ = ("get_db", "get_async_db", "get_token")


def get_token(x_token: str = Header()) -> str:
    return x_token
