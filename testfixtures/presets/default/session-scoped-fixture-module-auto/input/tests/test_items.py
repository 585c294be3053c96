import pytest

from app import crud
from app.db import SessionLocal, engine
from app.models import Base, Item

Base.metadata.create_all(bind=engine)


@pytest.fixture(scope="module")
def db():
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def item(db):
    item = Item(name="seeded")
    db.add(item)
    db.commit()
    db.refresh(item)
    return item


def test_create_item(db):
    item = crud.create_item(db, "x")
    assert item.id is not None


def test_seeded(item, db):
    assert db.get(Item, item.id).name == "seeded"


def test_count(db):
    assert crud.count_items(db) >= 2


def test_seeded_name(item):
    assert item.name == "seeded"
