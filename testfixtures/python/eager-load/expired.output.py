from sqlalchemy import ForeignKey, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    items: Mapped[list["Item"]] = relationship(back_populates="owner")

    def display(self) -> str:
        return self.name


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    owner: Mapped[User] = relationship(back_populates="items", lazy="selectin")


async def parameter_after_expire_all(db: AsyncSession, user: User) -> int:
    before = user.id
    db.expire_all()
    again = user.name
    return before + len(user.name) + len(again)


async def refreshed_in_between(db: AsyncSession, user: User) -> str:
    db.expire_all()
    await db.refresh(user)
    return user.name


async def rollback_only_on_the_error_path(db: AsyncSession, name: str) -> int:
    user = User(name=name)
    try:
        db.add(user)
        await db.commit()
    except Exception:
        await db.rollback()
        raise
    return user.id


async def read_after_rollback(db: AsyncSession, user_id: int) -> str:
    user = await db.scalar(select(User).where(User.id == user_id))
    await db.rollback()
    return user.name


async def loaded_after_the_expire(db: AsyncSession, user_id: int) -> str:
    await db.rollback()
    user = await db.get(User, user_id)
    return user.name


async def expire_named_attributes(db: AsyncSession, user: User) -> int:
    db.expire(user, ["name"])
    kept = user.id
    return kept + len(user.name)


async def expire_another_object(db: AsyncSession, user: User, other: User) -> int:
    db.expire(other)
    return user.id


async def created_and_committed(db: AsyncSession) -> int:
    user = User(name="a")
    db.add(user)
    await db.commit()
    await db.rollback()
    return user.id


async def created_and_only_flushed(db: AsyncSession) -> str:
    user = User(name="a")
    db.add(user)
    await db.flush()
    await db.rollback()
    return user.name


async def commit_does_not_expire(db: AsyncSession, user: User) -> str:
    await db.commit()
    return user.name


async def writes_and_method_calls(db: AsyncSession, user: User) -> str:
    db.expire_all()
    user.name = "renamed"
    return user.display()


async def awaitable_attrs_first(db: AsyncSession, user: User) -> str:
    db.expire_all()
    await user.awaitable_attrs.name
    return user.name


async def returned_by_a_crud_call(db: AsyncSession) -> int:
    user = await create_user(db, name="a")
    db.expire_all()
    return user.id


async def two_sessions(db: AsyncSession, other_db: AsyncSession, user: User) -> str:
    await other_db.rollback()
    await db.commit()
    return user.name


def sync_code(db, user: User) -> str:
    db.expire_all()
    return user.name
