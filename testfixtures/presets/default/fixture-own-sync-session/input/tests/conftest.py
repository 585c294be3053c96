import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.models import User

engine = create_engine("sqlite:///./test.db")
TestingSessionLocal = sessionmaker(bind=engine)


@pytest.fixture
def admin():
    # Its own sync session: the converted query must not be awaited here.
    db = TestingSessionLocal()
    user = db.query(User).filter_by(email="admin@test.com").first()
    user.role = "admin"
    db.commit()
    db.close()
    return user
