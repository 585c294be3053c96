from sqlalchemy.ext.asyncio import AsyncSession

from app import models


def audit(obj):
    print("created", obj)


async def create_user(db: AsyncSession, email: str):
    db_user = models.User(email=email)
    db.add(db_user)
    await db.commit()
    await db.refresh(db_user)
    await db.refresh(db_user, attribute_names=["items"])
    return db_user


async def create_item(db: AsyncSession, title: str, owner_id: int):
    db_item = models.Item(title=title, owner_id=owner_id)
    db.add(db_item)
    await db.commit()
    await db.refresh(db_item, attribute_names=["owner"])
    return db_item


async def create_user_audited(db: AsyncSession, email: str):
    db_user = models.User(email=email)
    db.add(db_user)
    await db.commit()
    # Work after the commit: not the plain shape, so the read stays flagged.
    audit(db_user)
    return db_user


async def create_user_deep(db: AsyncSession, email: str):
    db_user = models.User(email=email)
    db.add(db_user)
    await db.commit()
    await db.refresh(db_user)
    return db_user
