from typing import AsyncGenerator, Dict, Generator

import pytest
import pytest_asyncio
from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import AsyncSessionLocal, engine
from app.main import app
from app.models import Base
from tests.utils import authentication_token_from_email

Base.metadata.create_all(bind=engine)


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def db() -> AsyncGenerator:
    async with AsyncSessionLocal() as session:
        yield session


@pytest.fixture(scope="module")
def client() -> Generator:
    with TestClient(app) as c:
        yield c


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def normal_user_token_headers(client: TestClient, db: AsyncSession) -> Dict[str, str]:
    return await authentication_token_from_email(client=client, email="user@example.com", db=db)
