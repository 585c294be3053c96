from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///./app.db")
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)


def get_db():
    # A plain attribute the application reads back on the session (an AsyncSession takes it as well).
    db = SessionLocal()
    db.current_user_id = None
    db.request_tag = DEFAULT_TAG
    try:
        yield db
    finally:
        db.close()
