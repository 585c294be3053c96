from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud


async def customer_headers(client: TestClient, db: AsyncSession, email: str) -> dict[str, str]:
    customer = await crud.get_customer_by_email(db, email)
    if customer is None:
        customer = await crud.create_customer(db, email, "Regular")
    response = client.get(f"/customers/{customer.email}")
    return {"X-Customer": str(response.json()["id"])}
