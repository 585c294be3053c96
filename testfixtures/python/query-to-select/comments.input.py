from sqlalchemy.orm import Session

from app.models import User


def listing(db: Session, skip: int, limit: int):
    users = (
        db.query(User)  # the users table
        # only active ones
        .filter(User.active.is_(True))  # soft delete
        .order_by(
            User.name,  # by name
            User.id,
        )
        .offset(skip)
        .limit(limit)
        # finally
        .all()
    )
    return users


def continued(db: Session):
    return db.query(User) \
        .filter(User.active) \
        .first()
