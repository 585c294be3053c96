from app.db import AsyncSessionLocal
from app.models import User
from sqlalchemy import select


async def deactivate_all():
    async with AsyncSessionLocal() as db:
        for user in (await db.scalars(select(User))).all():
            user.active = False
        await db.commit()


def dry_run():
    print("would deactivate every user")


def describe_all():
    return "every user"


def describe_none():
    return "nobody"
