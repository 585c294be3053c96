from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.main import app
from app.models import Base, Item
from app.workers import get_db

engine = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})
TestingSessionLocal = sessionmaker(bind=engine)


# The routes on this get_db stay sync: so does the override.
def override_get_db():
    db = TestingSessionLocal()
    try:
        yield db
    finally:
        db.close()


app.dependency_overrides[get_db] = override_get_db
client = TestClient(app)


def test_delete_item():
    Base.metadata.create_all(engine)
    db = TestingSessionLocal()
    db.add(Item(id=7, name="x"))
    db.commit()
    db.close()
    assert client.delete("/items/7").json() == {"deleted": True}
