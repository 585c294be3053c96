from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///./app.db")
SessionLocal = sessionmaker(bind=engine)


# Raising another exception is not what closing the session does: no twin.
def get_db():
    db = SessionLocal()
    try:
        yield db
    except Exception as error:
        db.rollback()
        raise RuntimeError("database error") from error
    finally:
        db.close()
