from typing import Dict

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app import crud


def user_authentication_headers(*, client: TestClient, email: str) -> Dict[str, str]:
    r = client.post("/login", json={"email": email})
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def authentication_token_from_email(*, client: TestClient, email: str, db: Session) -> Dict[str, str]:
    user = crud.get_user_by_email(db, email=email)
    if not user:
        crud.create_user(db, email=email)
    return user_authentication_headers(client=client, email=email)
