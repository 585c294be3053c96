from sqlalchemy.orm import Session

from app.db import SessionLocal
from app.models import User


# Its factory call becomes the async twin: the attribute then holds an AsyncSession, and says so.
class Cleanup:
    def __init__(self) -> None:
        self.session: Session = SessionLocal()

    def run(self) -> int:
        users = self.session.query(User).all()
        self.session.commit()
        return len(users)
