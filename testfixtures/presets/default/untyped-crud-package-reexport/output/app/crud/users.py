from app.models import User
from sqlalchemy import select


async def get_user(db, user_id):
    return await db.scalar(select(User).where(User.id == user_id).limit(1))
