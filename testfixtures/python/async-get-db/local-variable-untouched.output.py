from fastapi import APIRouter, Depends

from app.db import get_async_db


def make_router(get_db) -> APIRouter:
    router = APIRouter()

    @router.get("/")
    def index(db=Depends(get_db)):
        return db

    return router


def build():
    get_db = lambda: None  # noqa: E731
    return Depends(get_db)


def top(db=Depends(get_async_db)):
    return db
