from app.main import create_item


def test_create(db_session):
    item = create_item(db_session, "a")
    assert item.id


def test_list(client, db_session):
    create_item(db_session, "b")
    assert client.get("/items").json() == ["b"]
