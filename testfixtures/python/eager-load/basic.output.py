from fastapi import Depends
from sqlalchemy import ForeignKey, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload

from app.deps import get_async_db


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    items: Mapped[list["Item"]] = relationship(back_populates="owner")


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    owner: Mapped["User"] = relationship(back_populates="items")


async def user_items(user_id: int, db: AsyncSession = Depends(get_async_db)):
    user = await db.scalar(select(User).options(selectinload(User.items)).where(User.id == user_id))
    return [item.id for item in user.items]


async def all_owners(db: AsyncSession):
    names = []
    for item in (await db.scalars(select(Item).options(selectinload(Item.owner)).order_by(Item.id))).all():
        names.append(item.owner.name)
    return names


async def names_only(db: AsyncSession):
    # a column read: nothing to load
    user = await db.scalar(select(User).limit(1))
    return user.name
