import sqlite3

from app.crud import CRUDUser


async def first_user():
    # Not a session: a call the inference does not record (nothing in it is a session or a parameter); propagate-async
    # checks every call it resolves, and flags this one.
    return await CRUDUser.get(sqlite3.connect("static_methods.db"), 1)
