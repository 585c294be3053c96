from app import crud


def test_create_then_read(client, db):
    r = client.post("/users/", json={"email": "ov@example.com"})
    assert r.status_code == 200
    assert crud.get_user_by_email(db, email="ov@example.com").id == r.json()["id"]


def test_read_created(client, db):
    crud.create_user(db, email="ov2@example.com")
    r = client.post("/login", json={"email": "ov2@example.com"})
    assert r.status_code == 200
