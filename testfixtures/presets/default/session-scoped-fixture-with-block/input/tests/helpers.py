from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app import crud


def customer_headers(client: TestClient, db: Session, email: str) -> dict[str, str]:
    customer = crud.get_customer_by_email(db, email)
    if customer is None:
        customer = crud.create_customer(db, email, "Regular")
    response = client.get(f"/customers/{customer.email}")
    return {"X-Customer": str(response.json()["id"])}
