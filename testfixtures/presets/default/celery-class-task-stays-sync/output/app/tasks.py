import celery
import typer

from app.db import AsyncSessionLocal, SessionLocal
from app.svc import get_item

cli = typer.Typer()


class ShowItem(celery.Task):
    # The worker calls a class-based task's run() synchronously: an async run would only make a coroutine.
    name = "show_item"

    def run(self, item_id: int):
        with SessionLocal() as db:
            return get_item(db, item_id)


@cli.callback()
def preload():
    # Typer calls its callbacks synchronously.
    db = SessionLocal()
    try:
        print(get_item(db, 1))
    finally:
        db.close()


class Report:
    # Not a Celery task: run() may become async.
    async def run(self, item_id: int):
        async with AsyncSessionLocal() as db:
            return await get_item(db, item_id)
