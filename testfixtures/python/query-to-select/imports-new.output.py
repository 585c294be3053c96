from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import delete, select


def users(db: Session):
    await db.execute(delete(User).where(User.id < 0).execution_options(synchronize_session='evaluate'))
    return (await db.scalars(select(User))).all()
