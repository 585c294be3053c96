from app.db import AsyncSessionLocal, shared_session
from app.setup import labels, restock, stock, stock_many
import asyncio


async def populate():
    async with AsyncSessionLocal() as db:
        await stock(db, "kettle")
        await stock_many(db, ["mug", "teapot"])
        await restock(db, "kettle")
    print(labels(shared_session, ["spoon"]))


if __name__ == "__main__":
    asyncio.run(populate())
