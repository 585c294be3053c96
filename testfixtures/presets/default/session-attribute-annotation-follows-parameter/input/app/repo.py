from typing import Optional

from sqlalchemy.orm import Session

from app.models import User


class UserRepository:
    def __init__(self, session: Session):
        self.session: Session = session

    def get(self, user_id: int):
        return self.session.get(User, user_id)

    def add(self, user: User) -> User:
        self.session.add(user)
        self.session.commit()
        self.session.refresh(user)
        return user


class OptionalRepository:
    def __init__(self, db: Optional[Session] = None):
        self.db: Optional[Session] = db

    def count(self) -> int:
        return len(self.db.query(User).all())


# The class-level declaration says what the constructor stores: it follows the parameter too.
class DeclaredRepository:
    session: Session

    def __init__(self, session: Session) -> None:
        self.session = session

    def first(self):
        return self.session.query(User).first()
