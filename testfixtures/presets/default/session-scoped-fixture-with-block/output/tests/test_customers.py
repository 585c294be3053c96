from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
import pytest


def test_admin_seeded(client: TestClient) -> None:
    assert client.get("/customers/admin@example.com").status_code == 200


@pytest.mark.asyncio(loop_scope="session")
async def test_create_customer(db: AsyncSession) -> None:
    customer = await crud.create_customer(db, "new@example.com", "New")
    assert customer.id is not None
    assert (await crud.get_customer_by_email(db, "new@example.com")).name == "New"


@pytest.mark.asyncio(loop_scope="session")
async def test_order(db: AsyncSession, client: TestClient, regular_customer: dict[str, str]) -> None:
    customer = await crud.get_customer_by_email(db, "regular@example.com")
    order = await crud.create_order(db, customer, 12)
    await db.refresh(order)
    assert order.customer_id == int(regular_customer["X-Customer"])
