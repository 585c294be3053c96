from .database import SessionLocal, engine


def get_db():
    with SessionLocal() as db:
        yield db
