import pytest

from app.database import Base
from app import crud, filler, models
from app.repo import ItemRepo

from tests.db import TestSessionLocal, engine


# The fixture becomes async because it awaits filler.run; its own session goes to that coroutine function, so it
# comes from the async factory, and the session's own calls are awaited in the same run.
@pytest.fixture()
def filled_database():
    Base.metadata.create_all(bind=engine)
    db = TestSessionLocal()
    filler.run(db)
    db.add(models.Item(name="c"))
    db.commit()
    count = len(db.execute(models.Item.__table__.select()).all())
    yield count
    db.close()
    Base.metadata.drop_all(bind=engine)


@pytest.fixture()
def session():
    db = TestSessionLocal()
    try:
        yield db
    finally:
        db.close()


# Its transaction becomes an `async with` in the same run (`tx` is used nowhere else), and so does the session's own
# context manager.
@pytest.fixture()
def added_name(filled_database):
    db = TestSessionLocal()
    with db:
        with db.begin() as tx:
            name = crud.add_item(db, "d").name
    return name


# AsyncSession has no bulk_save_objects: it runs through run_sync, in the same run.
@pytest.fixture()
def bulk_count(filled_database):
    db = TestSessionLocal()
    db.bulk_save_objects([models.Item(name="e"), models.Item(name="f")])
    db.commit()
    filler.run(db)
    count = db.query(models.Item).count()
    db.close()
    return count


# Made async for the session fixture's filler.run; its own session goes to no coroutine function, yet it is switched
# in the same run, its calls awaited.
@pytest.fixture()
def names_after_fill(filled_database, session):
    filler.run(session)
    db = TestSessionLocal()
    names = [r.name for r in db.execute(models.Item.__table__.select()).all()]
    db.close()
    return names


# Handed to a repository object, which is no coroutine function: left as it is, flagged.
@pytest.fixture()
def repo_item(filled_database):
    db = TestSessionLocal()
    repo = ItemRepo(db)
    return repo.add("g")
