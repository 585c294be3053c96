from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///./app.db")
SessionLocal = sessionmaker(bind=engine)


# No try: the session is closed only when the request ends without an exception.
def get_db():
    db = SessionLocal()
    yield db
    db.close()
