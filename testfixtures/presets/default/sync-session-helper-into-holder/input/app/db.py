from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("sqlite:///./app.db")
SessionLocal = sessionmaker(bind=engine)


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def open_session():
    # Not annotated, but it returns the sync factory's session all the same.
    return SessionLocal()


class SessionProvider:
    def typed(self) -> Session:
        return SessionLocal()

    def untyped(self):
        return SessionLocal()
