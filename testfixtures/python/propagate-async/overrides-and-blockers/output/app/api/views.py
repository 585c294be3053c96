from fastapi import APIRouter
from fastapi_pagination.ext.sqlalchemy import paginate
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item
from app.repos.base import Repository

app_router = APIRouter()


async def show(repo: Repository, pk: int):
    return await repo.get(pk)


def legacy_report(db: AsyncSession, repo: Repository):
    db.execute(select(Item))  # insert-await flagged this function and left it alone
    return repo.all()


@app_router.get("/report")
def report(db: AsyncSession, repo: Repository):
    return legacy_report(db, repo)


@app_router.get("/names")
def names(repo: Repository):
    return [row.name for row in repo.stream()]


@app_router.get("/page")
def page(db: AsyncSession):
    return paginate(db, select(Item))
