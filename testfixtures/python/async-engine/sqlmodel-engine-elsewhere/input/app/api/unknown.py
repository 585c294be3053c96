from sqlmodel import Session

from app.elsewhere import engine


def get_db():
    with Session(engine) as session:
        yield session
