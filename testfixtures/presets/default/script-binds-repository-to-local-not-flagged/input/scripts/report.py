import asyncio

from app.database import SessionLocal, get_db
from app.report_db import ReportSession
from app.repository import ProductRepository


def print_made():
    db = SessionLocal()
    try:
        repo = ProductRepository(db)
        print(repo.titles())
    finally:
        db.close()


def print_opened():
    with SessionLocal() as db:
        repo = ProductRepository(db)
        print(repo.titles())


def print_rebound():
    db = next(get_db())
    repo = ProductRepository(db)
    print(repo.label())
    with SessionLocal() as session:
        repo = ProductRepository(session)
        print(repo.titles())


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
