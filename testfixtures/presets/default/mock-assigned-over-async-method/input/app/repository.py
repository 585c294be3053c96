from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import User


class UserRepository:
    def find_by_username(self, db: Session, username: str):
        return db.scalars(select(User).where(User.username == username)).first()
