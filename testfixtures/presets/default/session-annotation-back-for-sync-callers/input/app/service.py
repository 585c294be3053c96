from sqlalchemy.orm import Session

from app.models import Todos


# A query insert-await cannot convert keeps it sync; only a route kept on the sync session calls it: it is handed
# a sync Session, and keeps saying so.
def list_todos(db: Session, conds):
    return db.query(Todos).filter(*conds).populate_existing().all()


# Called only by a plain function that is itself called only by such a route: a sync Session too.
def count_todos(db: Session, conds):
    return db.query(Todos).filter(*conds).populate_existing().count()


def summary(db: Session):
    return {"open": count_todos(db, [Todos.complete == False])}


# Also called by read_todo, which would hand it an AsyncSession if it became async for get_todo: it stays sync on
# the sync session instead, and so does get_todo, called only there: a sync Session too.
def search_todos(db: Session, conds):
    return db.query(Todos).filter(*conds).populate_existing().all()


def get_todo(db: Session, todo_id: int):
    return db.query(Todos).filter(Todos.id == todo_id).first()


def report_todos(db: Session, conds):
    return db.query(Todos).filter(*conds).populate_existing().all()
