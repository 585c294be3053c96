from app.repositories import UserRepository


def test_read(client):
    response = client.get("/users/1")
    data = response.json()
    assert data.get("id") == 1
    assert data["email"].endswith("@example.com")
    items = [data]
    assert items[0].get("id") == 1  # not decoded JSON: flagged


def test_nested(client):
    payload = client.get("/users/1").json()
    for row in payload["items"]:
        assert row.get("id")
    assert payload["items"][0].get("email")


def check(response):
    # `response` is unknown here; its decoded body is plain data all the same.
    assert response.json().get("id") == 1
    body = response.json()
    assert body["meta"][0].get("next") is None
    assert response.get("id")  # the response itself: flagged


def check_rebound(response, repo: UserRepository):
    data = response.json()
    if not data:
        data = repo
    assert data.get(1)  # rebound to a project object: flagged
    assert response.json(strict=True).get("id")  # `.json(...)` with arguments: flagged
