from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlalchemy import delete

from app.database import Base, async_engine
from app.main import app
from app.models import Customer, Order
from app.setup import seed_admin
from tests.helpers import customer_headers
from sqlalchemy.ext.asyncio import AsyncSession


@pytest_asyncio.fixture(scope="session", autouse=True, loop_scope="session")
async def db() -> AsyncIterator[AsyncSession]:
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        await seed_admin(db=session)
        yield session
        # Leave the database as the run found it.
        await session.execute(delete(Order))
        await session.execute(delete(Customer))
        await session.commit()


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def regular_customer(client: TestClient, db: AsyncSession) -> dict[str, str]:
    return await customer_headers(client, db, "regular@example.com")
