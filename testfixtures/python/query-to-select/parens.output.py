from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import func, select


def exprs(db: Session, user_id: int):
    name = (await db.scalar(select(User).where(User.id == user_id).limit(1))).name
    many = await db.scalar(select(func.count()).select_from(User)) > 10
    plus = await db.scalar(select(func.count()).select_from(User)) + 1
    called = (await db.execute(select(User.callback).limit(1))).first()
    return name, many, plus, called
