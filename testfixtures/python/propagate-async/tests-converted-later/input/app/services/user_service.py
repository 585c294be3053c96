from sqlalchemy.ext.asyncio import AsyncSession

from app.crud import user as crud_user


def get_user(db: AsyncSession, user_id: int):
    user = crud_user.get(db, user_id)
    if user is None or not crud_user.is_active(user):
        return None
    return user


def find_by_email(db: AsyncSession, email: str):
    return crud_user.get_by_email(db, email=email).email


def page(db: AsyncSession, skip: int):
    return {"items": crud_user.get_multi(db, skip=skip), "skip": skip}
