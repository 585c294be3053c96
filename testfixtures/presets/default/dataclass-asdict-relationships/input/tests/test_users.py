from dataclasses import asdict

from sqlalchemy import select

from app.models import Todo, User


def test_create_user(session):
    session.add(User(username="ciri"))
    session.commit()

    user = session.scalar(select(User).where(User.username == "ciri"))

    assert asdict(user) == {"id": 1, "username": "ciri", "todos": []}


def test_export(client, session):
    user = User(username="geralt")
    session.add(user)
    session.commit()
    session.add(Todo(title="contract", user_id=user.id))
    session.commit()

    response = client.get(f"/users/{user.id}/export")

    assert response.json()["todos"][0]["title"] == "contract"
