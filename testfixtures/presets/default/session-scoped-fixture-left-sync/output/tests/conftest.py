from app.db import engine
from app.models import Base

Base.metadata.create_all(bind=engine)


def determine_scope(fixture_name, config):
    return "session" if config.getoption("--keep-db", False) else "function"
