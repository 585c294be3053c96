from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.db import SessionLocal
from app.models import Item
from app.registry import ToolRegistry, job, traced

registry = ToolRegistry()


# Both registries call what they hold without await: these stay plain defs with their sync sessions.
@registry.tool("count")
def count_tool(arguments: dict) -> int:
    with SessionLocal() as db:
        return db.scalar(select(func.count(Item.id)))


@job
def purge():
    with SessionLocal() as db:
        db.execute(delete(Item))
        db.commit()


# Marks the function and returns it, registering it nowhere: converted like any other.
@traced
def count_items(db: Session) -> int:
    return db.scalar(select(func.count(Item.id)))
