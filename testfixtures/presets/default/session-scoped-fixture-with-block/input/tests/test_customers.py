from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app import crud


def test_admin_seeded(client: TestClient) -> None:
    assert client.get("/customers/admin@example.com").status_code == 200


def test_create_customer(db: Session) -> None:
    customer = crud.create_customer(db, "new@example.com", "New")
    assert customer.id is not None
    assert crud.get_customer_by_email(db, "new@example.com").name == "New"


def test_order(db: Session, client: TestClient, regular_customer: dict[str, str]) -> None:
    customer = crud.get_customer_by_email(db, "regular@example.com")
    order = crud.create_order(db, customer, 12)
    db.refresh(order)
    assert order.customer_id == int(regular_customer["X-Customer"])
