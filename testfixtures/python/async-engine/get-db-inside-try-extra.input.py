from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///./app.db")
SessionLocal = sessionmaker(bind=engine)


def get_db():
    # Something else happens inside the try: not a plain shape, so no twin.
    try:
        db = SessionLocal()
        db.info["request"] = True
        yield db
    finally:
        db.close()
