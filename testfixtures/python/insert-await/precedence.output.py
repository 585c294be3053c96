from fastapi import Depends
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.deps import get_db
from app.models import User


def chains(db: Session, s):
    users = (await db.execute(s)).scalars().all()
    first = (await db.scalars(s)).first()
    row = (await db.execute(s)).one()[0]
    count = (await db.execute(update(User).values(active=False))).rowcount
    return users, first, row, count


def statements(db: Session = Depends(get_db)):
    x = await db.scalar(select(User.id))
    total = await db.scalar(select(User.id)) + 1
    squared = (await db.scalar(select(User.id))) ** 2
    power = 2 ** await db.scalar(select(User.id))
    negative = -await db.scalar(select(User.id))
    missing = not await db.scalar(select(User.id))
    same = await db.scalar(select(User.id)) == x
    either = await db.get(User, 1) or await db.get(User, 2)
    chosen = await db.get(User, 1) if x else None
    print(await db.scalar(select(User.id)), key=await db.get(User, 1))
    items = [await db.get(User, i) for i in range(3)]
    label = f"user {await db.get(User, 1)}"
    first = (await db.execute(select(User)))[0]
    for user in await db.scalars(select(User)):
        print(user)
    if await db.get(User, 1) is None:
        return await db.get(User, 2)
    return (x, total, squared, power, negative, missing, same, either, chosen, items, label, first)


def nested_calls(db: Session):
    # Both calls are awaited, each where it stands.
    return await db.get(User, await db.scalar(select(User.id)))


def multiline(db: Session, s):
    rows = (await db.execute(
        s,  # the statement
        {"a": 1},
    )).all()
    return rows
