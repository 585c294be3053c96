from typing import Dict

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app import crud


def test_read_me(client: TestClient, normal_user_token_headers: Dict[str, str]) -> None:
    r = client.get("/users/me", headers=normal_user_token_headers)
    assert r.status_code == 200
    assert r.json()["email"] == "user@example.com"


def test_create_user_api(client: TestClient, db: Session) -> None:
    r = client.post("/users/", json={"email": "api@example.com"})
    assert r.status_code == 200
    user = crud.get_user_by_email(db, email="api@example.com")
    assert user
    assert user.id == r.json()["id"]
