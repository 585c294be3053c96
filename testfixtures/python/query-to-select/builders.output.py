from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Address, Order, User


def report(db: Session):
    return (
        (await db.execute(select(User.name, func.count(Order.id))
        .select_from(User)
        .join(Order, Order.user_id == User.id)
        .group_by(User.name)
        .having(func.count(Order.id) > 2)
        .order_by(User.name)
        .limit(10)
        .offset(20)
        )).all()
    )


def locked(db: Session, user_id: int):
    return (await db.execute(select(User).where(User.id == user_id).with_for_update())).scalar_one()


def extra_column(db: Session):
    return (await db.execute(select(User).add_columns(User.name.label("n")))).all()


def opts(db: Session):
    return (await db.scalars(select(User).execution_options(populate_existing=True).where(User.active))).all()
