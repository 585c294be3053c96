from sqlalchemy import select

from app.database import SessionLocal
from app.models import User


def iter_users():
    db = SessionLocal()
    try:
        for user in db.scalars(select(User)):
            yield user
    finally:
        db.close()


def export_names():
    return [user.name for user in iter_users()]


def print_names():
    for user in iter_users():
        print(user.name)
