from sqlalchemy import select

from app.models import User


def test_create_user_in_db(session):
    new_user = User(username="alice", email="alice@example.com")
    session.add(new_user)
    session.commit()
    user = session.scalar(select(User).where(User.username == "alice"))
    assert user.email == "alice@example.com"


def test_create_user_api(client):
    response = client.post("/users/", json={"username": "bob", "email": "bob@example.com"})
    assert response.status_code == 201


def test_duplicate_user(client, user):
    response = client.post("/users/", json={"username": user.username, "email": "x@example.com"})
    assert response.status_code == 409


def test_read_users(client, user):
    assert client.get("/users/").json() == [{"id": user.id, "username": "Teste"}]
