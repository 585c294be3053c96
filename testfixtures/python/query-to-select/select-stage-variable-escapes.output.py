from sqlalchemy.orm import Session

from app.models import User
from app.pagination import paginate


def returned(db: Session):
    q = db.query(User).filter(User.active)
    return q


def paginated(db: Session, page: int):
    q = db.query(User).order_by(User.id)
    return paginate(q, page)


def stored(self_like, db: Session):
    q = db.query(User)
    self_like.query = q
    return q.all()


def closure(db: Session):
    q = db.query(User)

    def run():
        return q.all()

    return run()


def reassigned(db: Session, ids):
    q = db.query(User)
    if ids:
        q = [u for u in q.all() if u.id in ids]
    return q


def yielded(db: Session):
    q = db.query(User)
    yield q


def passed_directly(db: Session, page: int):
    return paginate(db.query(User).filter(User.active), page)
