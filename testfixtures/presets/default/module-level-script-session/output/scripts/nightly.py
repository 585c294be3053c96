from app.catalog import list_products
from app.database import SessionLocal
import asyncio

# Opened at import time and read by the functions below.
db = SessionLocal()


async def count_products():
    return len(await list_products(db))


if __name__ == "__main__":
    asyncio.run(count_products())
