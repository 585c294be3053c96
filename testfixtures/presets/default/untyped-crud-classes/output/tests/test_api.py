from fastapi.testclient import TestClient

from app.main import app


def test_users_and_items():
    with TestClient(app) as client:
        created = client.post("/users", params={"email": "a@example.com"})
        assert created.status_code == 200
        user_id = created.json()["id"]
        assert client.post("/users", params={"email": "a@example.com"}).status_code == 400
        assert client.get(f"/users/{user_id}").json()["email"] == "a@example.com"
        item = client.post(f"/users/{user_id}/items", params={"title": "pen"}).json()
        assert [i["title"] for i in client.get(f"/users/{user_id}/items").json()] == ["pen"]
        assert item["id"] in [i["id"] for i in client.get("/items").json()]
        assert client.delete(f"/items/{item['id']}").json() == {"id": item["id"]}
        assert client.get("/users/9999").status_code == 404
