from fastapi import Depends
from sqlalchemy import ForeignKey, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, defer, joinedload, mapped_column, relationship, selectinload

from app.deps import get_async_db


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    bio: Mapped[str] = mapped_column(String)
    items: Mapped[list["Item"]] = relationship(back_populates="owner")


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    owner: Mapped["User"] = relationship(back_populates="items")


USER_LOADERS = [selectinload(User.items)]
ITEM_LOADERS = (joinedload(Item.owner),)
NO_ITEMS = [defer(User.bio)]
RESET_LATER = [selectinload(User.items)]


def drop_loaders():
    RESET_LATER.clear()


async def module_list(user_id: int, db: AsyncSession = Depends(get_async_db)):
    user = await db.scalar(select(User).options(*USER_LOADERS).where(User.id == user_id))
    return [item.id for item in user.items]


async def module_tuple(db: AsyncSession):
    items = (await db.scalars(select(Item).options(*ITEM_LOADERS).order_by(Item.id))).unique().all()
    return [item.owner.name for item in items]


async def local_list(db: AsyncSession):
    loaders = [selectinload(User.items)]
    user = await db.scalar(select(User).options(*loaders).limit(1))
    return [item.id for item in user.items]


async def written_out(db: AsyncSession):
    user = await db.scalar(select(User).options(*[selectinload(User.items), defer(User.bio)]).limit(1))
    return [item.id for item in user.items]


async def list_without_it(db: AsyncSession):
    # The list is read, and does not load `items`: the loader is added next to it.
    user = await db.scalar(select(User).options(selectinload(User.items)).options(*NO_ITEMS).limit(1))
    return [item.id for item in user.items]


# Still flagged: what the list holds is not provably the literal.
async def from_parameter(db: AsyncSession, loaders: list):
    user = await db.scalar(select(User).options(*loaders).limit(1))
    return [item.id for item in user.items]


async def emptied_elsewhere(db: AsyncSession):
    user = await db.scalar(select(User).options(*RESET_LATER).limit(1))
    return [item.id for item in user.items]


async def extended(db: AsyncSession, full: bool):
    loaders = [defer(User.bio)]
    if full:
        loaders += [selectinload(User.items)]
    user = await db.scalar(select(User).options(*loaders).limit(1))
    return [item.id for item in user.items]
