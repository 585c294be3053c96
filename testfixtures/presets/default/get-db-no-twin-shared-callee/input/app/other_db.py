from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

other_engine = create_engine("sqlite:///./other.db")
OtherSession = sessionmaker(bind=other_engine)


def get_db():
    db = OtherSession()
    try:
        yield db
    finally:
        db.close()
