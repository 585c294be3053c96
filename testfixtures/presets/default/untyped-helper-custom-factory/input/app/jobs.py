from app.crud import wipe
from app.db import make_session


def nightly():
    with make_session() as db:
        wipe(db)
