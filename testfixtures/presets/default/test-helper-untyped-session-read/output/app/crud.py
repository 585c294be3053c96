from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item, User


async def create_user(db: AsyncSession, name: str) -> User:
    user = User(name=name)
    db.add(user)
    await db.commit()
    await db.refresh(user)
    return user


async def add_item(db: AsyncSession, user: User, title: str) -> Item:
    item = Item(title=title, owner_id=user.id)
    db.add(item)
    await db.commit()
    return item
