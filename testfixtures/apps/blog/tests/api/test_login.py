from typing import Dict

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app import models
from app.core.config import settings
from tests.utils.user import create_random_user
from tests.utils.utils import random_lower_string

LOGIN_URL = f"{settings.API_V1_STR}/login/access-token"


def test_login_returns_usable_token(client: TestClient, normal_user: models.User, normal_user_password: str) -> None:
    r = client.post(LOGIN_URL, json={"email": normal_user.email, "password": normal_user_password})
    assert r.status_code == 200
    token = r.json()
    assert token["token_type"] == "bearer"
    r = client.post(
        f"{settings.API_V1_STR}/login/test-token", headers={"Authorization": f"Bearer {token['access_token']}"}
    )
    assert r.status_code == 200
    assert r.json()["email"] == normal_user.email


def test_login_rejects_wrong_password(client: TestClient, normal_user: models.User) -> None:
    r = client.post(LOGIN_URL, json={"email": normal_user.email, "password": "not-the-password"})
    assert r.status_code == 400
    assert r.json()["detail"] == "Incorrect email or password"


def test_login_rejects_inactive_user(client: TestClient, db: Session) -> None:
    password = random_lower_string()
    user = create_random_user(db, password=password, is_active=False)
    r = client.post(LOGIN_URL, json={"email": user.email, "password": password})
    assert r.status_code == 400
    assert r.json()["detail"] == "Inactive user"


def test_protected_route_requires_token(client: TestClient) -> None:
    r = client.get(f"{settings.API_V1_STR}/users/me")
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"


def test_forged_token_is_rejected(client: TestClient, normal_user_token_headers: Dict[str, str]) -> None:
    token = normal_user_token_headers["Authorization"].split(" ", 1)[1]
    forged = token[:-1] + ("0" if token[-1] != "0" else "1")
    r = client.get(f"{settings.API_V1_STR}/users/me", headers={"Authorization": f"Bearer {forged}"})
    assert r.status_code == 403
