from sqlalchemy.ext.asyncio import AsyncSession

from app.crud import user as crud_user


async def get_user(db: AsyncSession, user_id: int):
    user = await crud_user.get(db, user_id)
    if user is None or not crud_user.is_active(user):
        return None
    return user


async def find_by_email(db: AsyncSession, email: str):
    return (await crud_user.get_by_email(db, email=email)).email


async def page(db: AsyncSession, skip: int):
    return {"items": await crud_user.get_multi(db, skip=skip), "skip": skip}
