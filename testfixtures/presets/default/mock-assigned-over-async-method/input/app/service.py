from sqlalchemy.orm import Session

from app.repository import UserRepository


class UserService:
    def __init__(self):
        self.repository = UserRepository()

    def exists(self, db: Session, username: str) -> bool:
        return self.repository.find_by_username(db, username) is not None
