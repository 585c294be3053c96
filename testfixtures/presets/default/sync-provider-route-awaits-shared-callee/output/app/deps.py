from app.database import get_db


def provide_session():
    yield from get_db()
