from app.db import AsyncSessionLocal, shared_session
from app.setup import labels, restock, restock_all, stock, stock_many
import asyncio


async def populate():
    async with AsyncSessionLocal() as db:
        await stock(db, "kettle")
        await stock_many(db, ["mug", "teapot"])
        await restock(db, "kettle")
        await restock_all(db, ["mug"])
    print(labels(shared_session, ["spoon"]))


if __name__ == "__main__":
    asyncio.run(populate())
