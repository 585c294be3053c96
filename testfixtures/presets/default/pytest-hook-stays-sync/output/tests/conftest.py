from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

from app.crud import seed_items


def pytest_sessionstart():
    # A pytest hook: pytest calls it synchronously, so it stays sync, and so does what only it calls, on the
    # sync session it hands it.
    engine = create_engine("sqlite:///./test.db")
    maker = sessionmaker(bind=engine)
    with maker.begin() as db:
        db.execute(text("DELETE FROM items"))
        seed_items(db)
