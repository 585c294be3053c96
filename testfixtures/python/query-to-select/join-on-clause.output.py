import sqlalchemy as sa
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.models import Address, User, memberships, orders


def table_target(db: Session, org_id: int):
    return (await db.scalars(select(User).join(memberships, User.id == memberships.c.user_id).where(memberships.c.org_id == org_id))).unique().all()


def table_target_rows(db: Session):
    return (await db.execute(select(User.name, orders.c.total).outerjoin(orders, (orders.c.user_id == User.id) & (orders.c.total > 0)))).all()


def connectives(db: Session, since):
    return await db.scalar(select(func.count()).select_from(select(User).join(orders, and_(orders.c.user_id == User.id, or_(orders.c.day >= since, ~(orders.c.open == False)))).subquery()))


def module_connective(db: Session):
    return await db.scalar(select(User).join(orders, sa.and_(orders.c.user_id == User.id)).limit(1))


def subquery_target(db: Session, sq):
    return (await db.scalars(select(User).join(sq, sq.c.user_id == User.id, isouter=True))).unique().all()


def relationship_on_clause(db: Session):
    return db.query(User).join(memberships, User.memberships).all()


def join_path(db: Session):
    return db.query(User).join(User.orders, Address.user).all()


def chained_comparison(db: Session):
    return db.query(User).join(orders, 0 < orders.c.total < 10).all()


def identity_comparison(db: Session, flag):
    return db.query(User).join(orders, orders.c.user_id is None).all()


def helper_on_clause(db: Session, on):
    return db.query(User).join(orders, on).all()


def local_and(db: Session):
    def and_(*parts):
        return parts
    return db.query(User).join(orders, and_(orders.c.user_id == User.id)).all()


def legacy_subquery_target(db: Session):
    sq = db.query(Address.user_id).filter(Address.email.like("%x")).subquery()
    return db.query(User).join(sq, sq.c.user_id == User.id).all()
