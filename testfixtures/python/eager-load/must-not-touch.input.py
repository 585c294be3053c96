from sqlalchemy import Column, ForeignKey, Integer, String, select
from sqlalchemy.orm import Session, contains_eager, declarative_base, joinedload, relationship, selectinload
from sqlalchemy.ext.asyncio import AsyncSession

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String)
    items = relationship("Item", back_populates="owner")
    groups = relationship("Group", lazy="selectin")
    secrets = relationship("Secret", lazy="raise")
    audit = relationship("Audit", lazy="noload")


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    owner_id = Column(ForeignKey("users.id"))
    owner = relationship("User", back_populates="items", lazy="joined")
    buyer = relationship("User", uselist=False)


class Group(Base):
    __tablename__ = "groups"
    id = Column(Integer, primary_key=True)


class Secret(Base):
    __tablename__ = "secrets"
    id = Column(Integer, primary_key=True)


class Audit(Base):
    __tablename__ = "audit"
    id = Column(Integer, primary_key=True)


def sync_read(db: Session, user_id: int):
    # sync code keeps loading lazily
    user = db.scalar(select(User).where(User.id == user_id))
    return user.items


async def already_selectin(db: AsyncSession):
    users = (await db.scalars(select(User).options(selectinload(User.items)))).all()
    return [len(u.items) for u in users]


async def already_joined(db: AsyncSession):
    user = (await db.execute(select(User).options(joinedload(User.items)))).unique().scalar_one()
    return user.items


async def contains(db: AsyncSession):
    stmt = select(User).join(User.items).options(contains_eager(User.items))
    user = (await db.scalars(stmt)).unique().first()
    return user.items


async def eager_by_mapping(db: AsyncSession):
    user = await db.scalar(select(User))
    item = await db.scalar(select(Item))
    return user.groups, user.secrets, user.audit, item.owner


async def column_query(db: AsyncSession):
    return (await db.scalars(select(User.id))).all()


async def not_models(db: AsyncSession, payload: dict):
    config = await load_config()
    return payload.items(), config.items


async def rebound(db: AsyncSession, flag: bool):
    user = await db.scalar(select(User))
    if flag:
        user = make_user()
    return user.items


async def reassign_owner(db: AsyncSession, item: Item, user: User):
    # setting a scalar relationship loads nothing
    item.owner = user
    item.buyer = user
    await db.commit()
