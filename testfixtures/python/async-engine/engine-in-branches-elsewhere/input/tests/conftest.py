import os

import pytest
from sqlmodel import Session, SQLModel, create_engine

if os.environ.get("TEST_DATABASE_URL"):
    engine = create_engine(os.environ["TEST_DATABASE_URL"])
else:
    engine = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})


@pytest.fixture(name="session")
def session_fixture():
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        yield session
    SQLModel.metadata.drop_all(engine)
