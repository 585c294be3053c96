from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

# Another database, whose get_db does get its twin: its handlers are migrated as usual.
reports_engine = create_engine("sqlite:///./reports.db")
ReportsSession = sessionmaker(bind=reports_engine)


def get_db():
    db = ReportsSession()
    try:
        yield db
    finally:
        db.close()
