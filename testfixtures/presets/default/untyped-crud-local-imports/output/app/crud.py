from app.models import User
from sqlalchemy import func, select


async def get_user(db, id):
    return await db.scalar(select(User).where(User.id == id).limit(1))


async def create_user(db, email):
    user = User(email=email)
    db.add(user)
    await db.commit()
    await db.refresh(user)
    return user


async def count_users(db):
    return await db.scalar(select(func.count()).select_from(User))
