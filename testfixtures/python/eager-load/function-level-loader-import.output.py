from sqlalchemy import ForeignKey, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload


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


async def with_items(db: AsyncSession):
    # Its own import binds `selectinload` in this function only.
    from sqlalchemy.orm import selectinload

    return (await db.scalars(select(User).options(selectinload(User.items)))).all()


async def owner_name(db: AsyncSession, item_id: int):
    item = await db.scalar(select(Item).options(selectinload(Item.owner)).where(Item.id == item_id))
    return item.owner.name
