from typing import Dict

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app import crud, models
from app.core.config import settings
from app.core.security import verify_password
from tests.utils.item import create_random_item
from tests.utils.user import create_random_user
from tests.utils.utils import random_email, random_lower_string

USERS_URL = f"{settings.API_V1_STR}/users"


def test_signup_creates_plain_user(client: TestClient, db: Session) -> None:
    email = random_email()
    r = client.post(
        f"{USERS_URL}/signup",
        json={"email": email, "password": random_lower_string(), "full_name": "New Author", "is_superuser": True},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["email"] == email
    assert body["full_name"] == "New Author"
    # Extra fields in the sign-up body are ignored: nobody signs themselves up as a superuser.
    assert body["is_superuser"] is False
    assert "hashed_password" not in body
    assert crud.user.get_by_email(db, email=email) is not None


def test_signup_rejects_duplicate_email(client: TestClient, normal_user: models.User) -> None:
    r = client.post(f"{USERS_URL}/signup", json={"email": normal_user.email, "password": random_lower_string()})
    assert r.status_code == 400


def test_read_me(client: TestClient, normal_user: models.User, normal_user_token_headers: Dict[str, str]) -> None:
    r = client.get(f"{USERS_URL}/me", headers=normal_user_token_headers)
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == normal_user.id
    assert body["email"] == normal_user.email
    assert body["is_active"] is True
    assert body["is_superuser"] is False


# After the async switch: reads normal_user.id after db.expire_all() (EAGER-EXPIRED-ATTRIBUTE-READ).
@pytest.mark.manual_migration
def test_update_me(
    client: TestClient, db: Session, normal_user: models.User, normal_user_token_headers: Dict[str, str]
) -> None:
    new_password = random_lower_string()
    r = client.patch(
        f"{USERS_URL}/me", headers=normal_user_token_headers, json={"full_name": "Renamed", "password": new_password}
    )
    assert r.status_code == 200, r.text
    assert r.json()["full_name"] == "Renamed"
    db.expire_all()
    stored = crud.user.get(db, id=normal_user.id)
    assert stored.full_name == "Renamed"
    assert verify_password(new_password, stored.hashed_password)


def test_update_me_rejects_taken_email(
    client: TestClient, db: Session, normal_user_token_headers: Dict[str, str]
) -> None:
    other = create_random_user(db)
    r = client.patch(f"{USERS_URL}/me", headers=normal_user_token_headers, json={"email": other.email})
    assert r.status_code == 409


def test_list_users_requires_superuser(client: TestClient, normal_user_token_headers: Dict[str, str]) -> None:
    r = client.get(f"{USERS_URL}/", headers=normal_user_token_headers)
    assert r.status_code == 403


def test_list_users_paginates(
    client: TestClient, db: Session, superuser: models.User, superuser_token_headers: Dict[str, str]
) -> None:
    others = [create_random_user(db) for _ in range(4)]
    create_random_user(db, is_active=False)
    expected = [superuser.id] + [u.id for u in others]
    r = client.get(f"{USERS_URL}/", headers=superuser_token_headers, params={"skip": 1, "limit": 3})
    assert r.status_code == 200
    assert [u["id"] for u in r.json()] == expected[1:4]
    r = client.get(f"{USERS_URL}/", headers=superuser_token_headers, params={"active_only": True})
    assert [u["id"] for u in r.json()] == expected
    r = client.get(f"{USERS_URL}/", headers=superuser_token_headers, params={"limit": 1000})
    assert r.status_code == 422


def test_superuser_creates_user(client: TestClient, db: Session, superuser_token_headers: Dict[str, str]) -> None:
    email = random_email()
    r = client.post(
        f"{USERS_URL}/", headers=superuser_token_headers, json={"email": email, "password": "secret", "is_superuser": True}
    )
    assert r.status_code == 201, r.text
    assert r.json()["is_superuser"] is True
    r = client.post(f"{USERS_URL}/", headers=superuser_token_headers, json={"email": email, "password": "secret"})
    assert r.status_code == 400


# After the async switch: the response model reads User.items on the object the generic
# CRUDBase.get loads (EAGER-LAZY-LOAD-UNKNOWN-QUERY: a generic query cannot take a model's loader).
@pytest.mark.manual_migration
def test_read_user_includes_items(
    client: TestClient, db: Session, normal_user: models.User, normal_user_token_headers: Dict[str, str]
) -> None:
    first = create_random_item(db, owner_id=normal_user.id, title="one")
    second = create_random_item(db, owner_id=normal_user.id, title="two")
    r = client.get(f"{USERS_URL}/{normal_user.id}", headers=normal_user_token_headers)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["email"] == normal_user.email
    assert [(i["id"], i["title"]) for i in body["items"]] == [(first.id, "one"), (second.id, "two")]


def test_read_other_user_forbidden_for_normal_user(
    client: TestClient, db: Session, normal_user_token_headers: Dict[str, str]
) -> None:
    other = create_random_user(db)
    r = client.get(f"{USERS_URL}/{other.id}", headers=normal_user_token_headers)
    assert r.status_code == 403


# After the async switch: reads superuser.id after db.expire_all() (EAGER-EXPIRED-ATTRIBUTE-READ).
@pytest.mark.manual_migration
def test_superuser_deletes_user(
    client: TestClient, db: Session, superuser: models.User, superuser_token_headers: Dict[str, str]
) -> None:
    victim = create_random_user(db)
    create_random_item(db, owner_id=victim.id)
    victim_id = victim.id
    r = client.delete(f"{USERS_URL}/{victim_id}", headers=superuser_token_headers)
    assert r.status_code == 200
    assert r.json() == {"message": "User deleted successfully"}
    db.expire_all()
    assert crud.user.get(db, id=victim_id) is None
    assert crud.item.count_by_owner(db, owner_id=victim_id) == 0
    r = client.delete(f"{USERS_URL}/{victim_id}", headers=superuser_token_headers)
    assert r.status_code == 404
    r = client.delete(f"{USERS_URL}/{superuser.id}", headers=superuser_token_headers)
    assert r.status_code == 400
