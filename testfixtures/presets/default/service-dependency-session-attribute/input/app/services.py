from fastapi import Depends
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import User


# A service FastAPI builds for each request (`Depends()`), keeping the request's session.
class UserService:
    def __init__(self, db: Session = Depends(get_db)):
        self.db = db

    def create(self, email: str) -> User:
        user = User(email=email)
        self.db.add(user)
        self.db.commit()
        self.db.refresh(user)
        return user
