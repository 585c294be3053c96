import asyncio

from app.database import AsyncSessionLocal, get_db
from app.report_db import ReportSession
from app.repository import ProductRepository


async def print_made():
    db = AsyncSessionLocal()
    try:
        repo = ProductRepository(db)
        print(await repo.titles())
    finally:
        await db.close()


async def print_opened():
    async with AsyncSessionLocal() as db:
        repo = ProductRepository(db)
        print(await repo.titles())


async def print_rebound():
    db = next(get_db())
    repo = ProductRepository(db)
    print(repo.label())
    async with AsyncSessionLocal() as session:
        repo = ProductRepository(session)
        print(await repo.titles())


def print_label():
    db = next(get_db())
    repo = ProductRepository(db)
    print(repo.label())


async def print_async():
    db = next(get_db())
    repo = ProductRepository(db)
    print(repo.label())
    async with ReportSession() as session:
        repo_async = ProductRepository(session)
        print(await repo_async.titles())


if __name__ == "__main__":
    print_made()
    print_opened()
    print_rebound()
    print_label()
    asyncio.run(print_async())
