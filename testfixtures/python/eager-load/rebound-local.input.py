from sqlalchemy import Column, ForeignKey, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Plan(Base):
    __tablename__ = "plans"
    id = Column(Integer, primary_key=True)
    months = Column(Integer)


class Membership(Base):
    __tablename__ = "memberships"
    id = Column(Integer, primary_key=True)
    member_id = Column(Integer)
    plan_id = Column(Integer, ForeignKey("plans.id"))
    plan = relationship("Plan")


async def switch_plan(db: AsyncSession, member_id: int, plan_id: int):
    m = await db.scalar(select(Membership).where(Membership.member_id == member_id).limit(1))
    if m:
        months = m.plan.months
        m.plan_id = plan_id
    else:
        months = None
        m = Membership(member_id=member_id, plan_id=plan_id)
        db.add(m)
    await db.commit()
    return months


async def maybe_loaded(db: AsyncSession, member_id: int, check: bool):
    m = None
    if check:
        m = await db.scalar(select(Membership).where(Membership.member_id == member_id))
    if m:
        return m.plan.months
    return 0


async def overwritten(db: AsyncSession, member_id: int):
    m = await db.scalar(select(Membership).where(Membership.id == member_id))
    m = await db.scalar(select(Membership).where(Membership.member_id == member_id))
    return m.plan.months


async def either_query(db: AsyncSession, member_id: int, by_id: bool):
    if by_id:
        m = await db.scalar(select(Membership).where(Membership.id == member_id))
    else:
        m = await db.scalar(select(Membership).where(Membership.member_id == member_id))
    return m.plan.months


async def next_iteration(db: AsyncSession, ids: list):
    total = 0
    m = await db.scalar(select(Membership).where(Membership.id == ids[0]))
    for i in ids:
        total += m.plan.months
        m = await db.scalar(select(Membership).where(Membership.id == i))
    return total


async def after_loop(db: AsyncSession):
    m = await db.scalar(select(Membership).limit(1))
    for m in (await db.scalars(select(Membership).where(Membership.plan_id == 1))).all():
        pass
    return m.plan.months


async def inside_loop(db: AsyncSession):
    m = await db.scalar(select(Membership).limit(1))
    for m in (await db.scalars(select(Membership).where(Membership.plan_id == 1))).all():
        print(m.plan.months)
    return m
