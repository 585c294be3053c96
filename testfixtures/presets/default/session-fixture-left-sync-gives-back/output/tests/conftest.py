from typing import Generator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from app.models import Base

engine = create_engine("sqlite:///./test.db")
Base.metadata.create_all(bind=engine)


# Not a shape awaitify converts (the `with` block does more than yield the session): it stays sync.
@pytest.fixture
def db_session() -> Generator[Session, None, None]:
    with Session(engine) as s:
        s.info["test"] = True
        yield s


# Empties the table through the sync session and hands it on: its annotation goes back to `Session`, its
# calls stay as they are.
@pytest.fixture
def clean(db_session: Session):
    db_session.execute(text("DELETE FROM users"))
    db_session.commit()
    return db_session
