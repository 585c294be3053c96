from sqlalchemy.orm import Session

from app.models import Message
from sqlalchemy import select


def stats(db: Session):
    # An import inside the function, under another name: still SQLAlchemy's func.
    from sqlalchemy import func as sql_func

    total = db.execute(select(sql_func.count(Message.id))).scalar_one_or_none()
    embedded = db.execute(select(sql_func.count(Message.id)).where(Message.embedding.isnot(None))).scalar_one_or_none()
    return total, embedded


def other(db: Session, helpers):
    # `agg` is bound by an import here and by an assignment elsewhere: not provably SQLAlchemy's.
    from sqlalchemy import func as agg

    return db.query(agg.max(Message.id)).scalar()


def rebinding(helpers):
    agg = helpers.aggregates
    return agg
