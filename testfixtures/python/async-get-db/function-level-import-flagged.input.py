from app.main import app


def test_override(client):
    from app.db import get_db

    app.dependency_overrides[get_db] = lambda: None
    assert client.get("/").status_code == 200
