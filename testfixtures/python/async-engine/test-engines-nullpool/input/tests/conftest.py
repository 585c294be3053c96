import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

# Each test runs on its own event loop, and TestClient on another: the async twin gets NullPool.
engine = create_engine(os.environ.get("TEST_DATABASE_URL", "postgresql://app:secret@localhost/test"))
TestingSessionLocal = sessionmaker(bind=engine)
