from sqlalchemy import create_engine
from sqlalchemy.orm import declarative_base

# Serves no ORM sessions anywhere in the project, so it gets no async twin.
reports_engine = create_engine("sqlite:///./reports.db")
ReportsBase = declarative_base()
