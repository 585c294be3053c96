from sqlalchemy import select

from app.models import User


def test_create_user(client):
    response = client.post("/users/", params={"username": "alice"})
    assert response.status_code == 201
    assert response.json()["username"] == "alice"


def test_read_user(client, user):
    response = client.get(f"/users/{user.id}")
    assert response.status_code == 200
    assert response.json() == {"id": user.id, "username": "Teste"}


def test_user_in_db(session):
    session.add(User(username="bob"))
    session.commit()
    found = session.scalar(select(User).where(User.username == "bob"))
    assert found.username == "bob"


def test_user_fixture_row(session, user):
    found = session.get(User, user.id)
    assert found.username == "Teste"
