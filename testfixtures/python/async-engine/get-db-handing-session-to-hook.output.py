import logging

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

logger = logging.getLogger(__name__)

engine = create_engine("sqlite:///./app.db")


def get_db():
    with Session(engine) as db:
        try:
            yield db
        finally:
            audit_request(db)
