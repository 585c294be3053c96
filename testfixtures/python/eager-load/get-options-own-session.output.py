from sqlalchemy import ForeignKey
from sqlalchemy.ext.asyncio import async_scoped_session, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload
from asyncio import current_task

engine = create_async_engine("sqlite+aiosqlite://")
AsyncSessionLocal = async_sessionmaker(engine, expire_on_commit=False)
ScopedSession = async_scoped_session(AsyncSessionLocal, scopefunc=current_task)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    owner: Mapped[User] = relationship()


async def fresh(item_id: int) -> str:
    async with AsyncSessionLocal() as db:
        item = await db.get(Item, item_id, options=[selectinload(Item.owner)])
        return item.owner.email


async def scoped(item_id: int) -> str:
    db = ScopedSession()
    item = await db.get(Item, item_id)
    return item.owner.email
