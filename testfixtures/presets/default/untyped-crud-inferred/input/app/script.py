import sqlite3

from app.crud import create_user


def seed():
    # Not a session: the call is flagged, since create_user is converted for the others.
    conn = sqlite3.connect("seed.db")
    create_user(conn, "bob")
