from typing import Dict

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app import crud, models
from app.core.config import settings
from tests.utils.item import create_random_item
from tests.utils.user import create_random_user

ITEMS_URL = f"{settings.API_V1_STR}/items"


def test_create_and_read_item(
    client: TestClient, normal_user: models.User, normal_user_token_headers: Dict[str, str]
) -> None:
    r = client.post(
        f"{ITEMS_URL}/", headers=normal_user_token_headers, json={"title": "Hello", "description": "World"}
    )
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["title"] == "Hello"
    assert created["owner_id"] == normal_user.id
    assert created["is_published"] is False
    assert created["created_at"]
    r = client.get(f"{ITEMS_URL}/{created['id']}", headers=normal_user_token_headers)
    assert r.status_code == 200
    assert r.json() == created


def test_create_item_validates_body(client: TestClient, normal_user_token_headers: Dict[str, str]) -> None:
    r = client.post(f"{ITEMS_URL}/", headers=normal_user_token_headers, json={"description": "no title"})
    assert r.status_code == 422


def test_list_items_paginates_own_items(
    client: TestClient, db: Session, normal_user: models.User, normal_user_token_headers: Dict[str, str]
) -> None:
    mine = [create_random_item(db, owner_id=normal_user.id) for _ in range(5)]
    stranger = create_random_user(db)
    create_random_item(db, owner_id=stranger.id)
    r = client.get(f"{ITEMS_URL}/", headers=normal_user_token_headers, params={"skip": 2, "limit": 2})
    assert r.status_code == 200
    page = r.json()
    assert page["count"] == 5
    assert [i["id"] for i in page["data"]] == [i.id for i in mine[2:4]]


def test_superuser_lists_everyones_items(
    client: TestClient, db: Session, superuser_token_headers: Dict[str, str]
) -> None:
    authors = [create_random_user(db) for _ in range(2)]
    items = [create_random_item(db, owner_id=a.id) for a in authors for _ in range(2)]
    r = client.get(f"{ITEMS_URL}/", headers=superuser_token_headers)
    assert r.status_code == 200
    page = r.json()
    assert page["count"] == 4
    assert [i["id"] for i in page["data"]] == [i.id for i in items]


def test_search_items(
    client: TestClient, db: Session, normal_user: models.User, normal_user_token_headers: Dict[str, str]
) -> None:
    match = create_random_item(db, owner_id=normal_user.id, title="FastAPI in production")
    create_random_item(db, owner_id=normal_user.id, title="Unrelated")
    stranger = create_random_user(db)
    create_random_item(db, owner_id=stranger.id, title="fastapi for strangers")
    r = client.get(f"{ITEMS_URL}/", headers=normal_user_token_headers, params={"q": "fastapi"})
    assert r.status_code == 200
    assert r.json()["count"] == 1
    assert [i["id"] for i in r.json()["data"]] == [match.id]


def test_cannot_touch_someone_elses_item(
    client: TestClient, db: Session, normal_user_token_headers: Dict[str, str]
) -> None:
    stranger = create_random_user(db)
    item = create_random_item(db, owner_id=stranger.id)
    assert client.get(f"{ITEMS_URL}/{item.id}", headers=normal_user_token_headers).status_code == 403
    r = client.put(f"{ITEMS_URL}/{item.id}", headers=normal_user_token_headers, json={"title": "mine now"})
    assert r.status_code == 403
    assert client.delete(f"{ITEMS_URL}/{item.id}", headers=normal_user_token_headers).status_code == 403
    assert client.get(f"{ITEMS_URL}/999999", headers=normal_user_token_headers).status_code == 404


def test_update_item(
    client: TestClient, db: Session, normal_user: models.User, normal_user_token_headers: Dict[str, str]
) -> None:
    item = create_random_item(db, owner_id=normal_user.id, title="Before")
    r = client.put(f"{ITEMS_URL}/{item.id}", headers=normal_user_token_headers, json={"title": "After"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["title"] == "After"
    assert body["description"] == item.description
    assert body["updated_at"] is not None


def test_delete_item_returns_it(
    client: TestClient, db: Session, normal_user: models.User, normal_user_token_headers: Dict[str, str]
) -> None:
    item = create_random_item(db, owner_id=normal_user.id, title="Short-lived")
    item_id = item.id
    r = client.delete(f"{ITEMS_URL}/{item_id}", headers=normal_user_token_headers)
    assert r.status_code == 200, r.text
    assert r.json()["id"] == item_id
    assert r.json()["title"] == "Short-lived"
    db.expire_all()
    assert crud.item.get(db, id=item_id) is None
    assert client.get(f"{ITEMS_URL}/{item_id}", headers=normal_user_token_headers).status_code == 404


def test_publish_my_items(
    client: TestClient, db: Session, normal_user: models.User, normal_user_token_headers: Dict[str, str]
) -> None:
    create_random_item(db, owner_id=normal_user.id)
    create_random_item(db, owner_id=normal_user.id, is_published=True)
    r = client.post(f"{ITEMS_URL}/publish", headers=normal_user_token_headers)
    assert r.status_code == 200
    assert r.json() == {"published": 1}
    page = client.get(f"{ITEMS_URL}/", headers=normal_user_token_headers).json()
    assert [i["is_published"] for i in page["data"]] == [True, True]


def test_item_stats_for_superuser(
    client: TestClient,
    db: Session,
    superuser: models.User,
    superuser_token_headers: Dict[str, str],
    normal_user: models.User,
    normal_user_token_headers: Dict[str, str],
) -> None:
    for _ in range(2):
        create_random_item(db, owner_id=normal_user.id)
    assert client.get(f"{ITEMS_URL}/stats", headers=normal_user_token_headers).status_code == 403
    r = client.get(f"{ITEMS_URL}/stats", headers=superuser_token_headers)
    assert r.status_code == 200
    stats = {row["email"]: row["item_count"] for row in r.json()}
    assert stats == {normal_user.email: 2, superuser.email: 0}


def test_health(client: TestClient) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}
