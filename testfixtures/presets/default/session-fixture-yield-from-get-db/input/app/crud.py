from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import User


def get_user_by_email(db: Session, email: str):
    return db.scalars(select(User).where(User.email == email)).first()
