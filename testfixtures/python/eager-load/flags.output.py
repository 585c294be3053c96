import asyncio
from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import backref, declarative_base, relationship

from app import crud

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String)
    created_at = Column(DateTime, server_default=func.now())
    updated_at = Column(DateTime, onupdate=func.now())
    touched_at = Column(DateTime, onupdate=datetime.utcnow)
    posts = relationship("Post", lazy="dynamic")
    items = relationship("Item", backref=backref("owner", lazy="dynamic"))


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    user_id = Column(ForeignKey("users.id"))


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    user_id = Column(ForeignKey("users.id"))


async def dynamic_read(db: AsyncSession, user_id: int):
    user = await db.get(User, user_id)
    item = await db.get(Item, 1)
    return user.posts.filter_by(id=1).all(), item.owner


async def given_user(user: User):
    return [i.id for i in user.items]


async def from_crud(db: AsyncSession, user_id: int):
    user = await crud.get_user(db, user_id)
    return user.name


async def create(db: AsyncSession, name: str):
    user = User(name=name)
    db.add(user)
    await db.commit()
    print(user.created_at)
    await db.refresh(user)
    return user.created_at


async def rename(db: AsyncSession, user_id: int, name: str):
    user = await db.get(User, user_id)
    user.name = name
    await db.commit()
    return user.updated_at, user.touched_at, user.created_at


async def fresh_items(db: AsyncSession):
    user = User(name="x")
    db.add(user)
    await db.flush()
    return user.items


async def fan_out(db: AsyncSession, ids: list[int]):
    first, second = await asyncio.gather(crud.get_user(db, ids[0]), crud.get_user(db, ids[1]))
    many = await asyncio.gather(*[crud.get_user(db, i) for i in ids])
    task = asyncio.create_task(crud.audit(db, ids))
    one = await asyncio.gather(crud.get_user(db, 1), asyncio.sleep(1))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(crud.audit(db, ids))
    return first, second, many, task, one


async def fresh_items_refreshed(db: AsyncSession):
    user = User(name="y")
    db.add(user)
    await db.commit()
    await db.refresh(user, attribute_names=["items"])
    return user.items, user.created_at
