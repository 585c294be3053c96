from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import select


def listing(db: Session, skip: int, limit: int):
    users = (
        (await db.scalars(select(User)  # the users table
        # only active ones
        .where(User.active.is_(True))  # soft delete
        .order_by(
            User.name,  # by name
            User.id,
        )
        .offset(skip)
        .limit(limit)
        # finally
        )).all()
    )
    return users


def continued(db: Session):
    return await db.scalar(select(User) \
        .where(User.active) \
        .limit(1))
