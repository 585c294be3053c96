from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///./app.db")
SessionLocal = sessionmaker(bind=engine)


def get_db():
    # `autoflush` is the Session's own setting: set on an AsyncSession it would not reach the session it wraps.
    db = SessionLocal()
    db.autoflush = False
    try:
        yield db
    finally:
        db.close()
