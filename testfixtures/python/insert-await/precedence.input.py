from fastapi import Depends
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.deps import get_db
from app.models import User


def chains(db: Session, s):
    users = db.execute(s).scalars().all()
    first = db.scalars(s).first()
    row = db.execute(s).one()[0]
    count = db.execute(update(User).values(active=False)).rowcount
    return users, first, row, count


def statements(db: Session = Depends(get_db)):
    x = db.scalar(select(User.id))
    total = db.scalar(select(User.id)) + 1
    squared = db.scalar(select(User.id)) ** 2
    power = 2 ** db.scalar(select(User.id))
    negative = -db.scalar(select(User.id))
    missing = not db.scalar(select(User.id))
    same = db.scalar(select(User.id)) == x
    either = db.get(User, 1) or db.get(User, 2)
    chosen = db.get(User, 1) if x else None
    print(db.scalar(select(User.id)), key=db.get(User, 1))
    items = [db.get(User, i) for i in range(3)]
    label = f"user {db.get(User, 1)}"
    first = db.execute(select(User))[0]
    for user in db.scalars(select(User)):
        print(user)
    if db.get(User, 1) is None:
        return db.get(User, 2)
    return (x, total, squared, power, negative, missing, same, either, chosen, items, label, first)


def nested_calls(db: Session):
    # Both calls are awaited, each where it stands.
    return db.get(User, db.scalar(select(User.id)))


def multiline(db: Session, s):
    rows = db.execute(
        s,  # the statement
        {"a": 1},
    ).all()
    return rows
