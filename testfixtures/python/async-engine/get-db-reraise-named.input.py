from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///./app.db")
SessionLocal = sessionmaker(bind=engine)


# Re-raising the exception by its name is re-raising it: the twin's `async with` does the same.
def get_db():
    db = SessionLocal()
    try:
        yield db
    except Exception as error:
        db.rollback()
        raise error
    finally:
        db.close()
