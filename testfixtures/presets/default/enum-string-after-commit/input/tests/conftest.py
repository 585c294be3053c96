import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.db import Base
from app.models import User

engine = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})
TestingSessionLocal = sessionmaker(bind=engine)

ADMIN_DATA = {
    "name": "root",
    "role": "ADMIN",
}


@pytest.fixture
def session():
    Base.metadata.create_all(bind=engine)
    session = TestingSessionLocal()
    try:
        yield session
    finally:
        session.close()
    Base.metadata.drop_all(bind=engine)


@pytest.fixture
def admin(session: Session) -> User:
    # The test data dict spells the role by name: after the sync commit `admin.role` was Role.ADMIN. Flagged.
    admin = User(**ADMIN_DATA)
    session.add(admin)
    session.commit()
    return admin
