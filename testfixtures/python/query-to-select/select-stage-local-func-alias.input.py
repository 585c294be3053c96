from sqlalchemy.orm import Session

from app.models import Message


def stats(db: Session):
    # An import inside the function, under another name: still SQLAlchemy's func.
    from sqlalchemy import func as sql_func

    total = db.query(sql_func.count(Message.id)).scalar()
    embedded = db.query(sql_func.count(Message.id)).filter(Message.embedding.isnot(None)).scalar()
    return total, embedded


def other(db: Session, helpers):
    # `agg` is bound by an import here and by an assignment elsewhere: not provably SQLAlchemy's.
    from sqlalchemy import func as agg

    return db.query(agg.max(Message.id)).scalar()


def rebinding(helpers):
    agg = helpers.aggregates
    return agg
