from fastapi.testclient import TestClient

from app.main import app


def test_list_colors():
    assert TestClient(app).get("/colors").status_code == 200


def test_list_colors_again():
    assert TestClient(app).get("/colors").status_code == 200
