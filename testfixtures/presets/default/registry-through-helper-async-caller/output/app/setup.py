from sqlalchemy.ext.asyncio import AsyncSession

from app.services import Catalog, Labeller


async def stock(db, title):
    await Catalog(db).add(title)


async def stock_many(session, titles):
    for title in titles:
        await stock(session, title)


def labels(db, titles):
    return [Labeller(db).label(t) for t in titles]


async def restock(db: AsyncSession, title: str) -> None:
    catalog = Catalog(db)
    await catalog.add(title)


async def restock_all(db, titles):
    for title in titles:
        await restock(db, title)
