from sqlalchemy.orm import Session

from app.models import Role, User
from app.routes import create_user


def test_admin_is_admin(admin: User) -> None:
    assert admin.is_admin


def test_create_user(session: Session) -> None:
    body = create_user("ann", session)
    assert body["admin"] is False
    assert session.get(User, body["id"]).role == Role.USER
