from typing import Optional

import sqlalchemy as sa
from sqlalchemy import func
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, joinedload, mapped_column, relationship, selectinload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    active: Mapped[bool]
    items: Mapped[list["Item"]] = relationship()
    orders: Mapped[list["Order"]] = relationship()


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))


async def built_up(db: AsyncSession, active: Optional[bool]):
    stmt = (
        sa.select(User).options(selectinload(User.items), selectinload(User.orders))  # the base query
        .order_by(User.id)
    )
    if active is not None:
        stmt = stmt.where(User.active == active)
    users = (await db.scalars(stmt)).all()
    return {u.id: (len(u.items), len(u.orders)) for u in users}


async def by_pk(db: AsyncSession, user_id: int):
    user = await db.get(User, user_id, options=[selectinload(User.items)])
    return user.items


async def by_pk_with_options(db: AsyncSession, user_id: int):
    user = await db.get(User, user_id, options=[joinedload(User.orders), selectinload(User.items)])
    return user.items, user.orders


async def counted(db: AsyncSession):
    stmt = sa.select(User)
    total = await db.scalar(sa.select(func.count()).select_from(stmt.subquery()))
    users = (await db.scalars(stmt)).all()
    return total, [u.items for u in users]


async def conditional_options(db: AsyncSession, eager: bool):
    stmt = sa.select(User)
    if eager:
        stmt = stmt.options(joinedload(User.items))
    user = (await db.scalars(stmt)).first()
    return user.items


async def inline_read(db: AsyncSession, user_id: int):
    return (await db.scalar(sa.select(User).options(selectinload(User.orders)).where(User.id == user_id))).orders


async def walrus_and_index(db: AsyncSession):
    if (first := (await db.scalars(sa.select(User).options(selectinload(User.items)))).first()) is not None:
        return first.items
    users = list(await db.scalars(sa.select(User).options(selectinload(User.orders)).limit(3)))
    return users[0].orders
