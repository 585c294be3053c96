from app.db import shared_session
from app.setup import labels, restock, restock_all, stock, stock_many
import asyncio


async def populate():
    await stock(shared_session, "kettle")
    await stock_many(shared_session, ["mug", "teapot"])
    await restock(shared_session, "kettle")
    await restock_all(shared_session, ["mug"])
    print(labels(shared_session, ["spoon"]))


if __name__ == "__main__":
    asyncio.run(populate())
