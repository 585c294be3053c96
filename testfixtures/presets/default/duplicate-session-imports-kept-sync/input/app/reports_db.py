from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///./reports.db")
ReportSession = sessionmaker(bind=engine)


def get_db():
    db = ReportSession()
    try:
        yield db
    finally:
        db.close()
