from app.catalog import list_products
from app.jobs_db import JobSession
import asyncio

if __name__ == "__main__":
    session = JobSession()
    asyncio.run(list_products(session))
    session.close()
