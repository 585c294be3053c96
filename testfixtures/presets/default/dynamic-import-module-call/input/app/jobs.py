from app.db import SessionLocal
from app.models import User


def deactivate_all():
    with SessionLocal() as db:
        for user in db.query(User).all():
            user.active = False
        db.commit()


def dry_run():
    print("would deactivate every user")


def describe_all():
    return "every user"


def describe_none():
    return "nobody"
