from sqlalchemy import Column, ForeignKey, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import declarative_base, relationship, selectinload

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    items = relationship("Item", back_populates="owner", lazy="selectin")


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    title = Column(String)
    owner_id = Column(Integer, ForeignKey("users.id"))
    owner = relationship("User", back_populates="items")


async def add_item(db: AsyncSession, user: User, title: str) -> int:
    item = Item(title=title, owner_id=user.id)
    db.add(item)
    await db.commit()
    # Stale: the sync commit expired user and this reloaded the collection with the new item.
    return len(user.items)


async def add_item_inline(db: AsyncSession, user_id: int, title: str) -> list:
    user = await db.scalar(select(User).where(User.id == user_id))
    db.add(Item(title=title, owner_id=user.id))
    await db.commit()
    return [i.title for i in user.items]


async def add_item_refreshed(db: AsyncSession, user: User, title: str) -> int:
    db.add(Item(title=title, owner_id=user.id))
    await db.commit()
    await db.refresh(user, attribute_names=["items"])
    return len(user.items)


async def add_item_through_relationship(db: AsyncSession, user: User, title: str) -> int:
    # Built through the relationship: back_populates appends it to the loaded collection.
    db.add(Item(title=title, owner=user))
    await db.commit()
    return len(user.items)


async def add_unrelated_item(db: AsyncSession, user: User, other_id: int) -> int:
    # Not linked to `user`: its collection does not change.
    db.add(Item(title="x", owner_id=other_id))
    await db.commit()
    return len(user.items)


async def read_before_commit(db: AsyncSession, user: User, title: str) -> int:
    db.add(Item(title=title, owner_id=user.id))
    n = len(user.items)
    await db.commit()
    return n
