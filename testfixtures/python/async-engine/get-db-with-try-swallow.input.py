from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///./app.db")
SessionLocal = sessionmaker(bind=engine)


# The exception is swallowed, which the twin's `async with` would not do: no twin.
def get_db():
    with SessionLocal() as db:
        try:
            yield db
        except Exception:
            db.rollback()
