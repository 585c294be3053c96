import sqlite3

from app import crud


def admin_exists():
    # Not a session: a call the inference does not record (nothing in it is a session or a parameter); propagate-async
    # checks every call it resolves, and flags this one.
    return crud.user.get_by_email(sqlite3.connect("untyped_classes.db"), "admin@example.com") is not None
