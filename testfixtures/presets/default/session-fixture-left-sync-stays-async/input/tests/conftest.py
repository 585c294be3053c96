from typing import Generator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app import crud
from app.models import Base

engine = create_engine("sqlite:///./test.db")
Base.metadata.create_all(bind=engine)


# Not a shape awaitify converts (the `with` block does more than yield the session): it stays sync.
@pytest.fixture
def db_session() -> Generator[Session, None, None]:
    with Session(engine) as s:
        s.info["test"] = True
        yield s


# Calls the CRUD function made async: made async, it awaits its own session calls too, which fail on the
# sync session (flagged).
@pytest.fixture
def seeded_user(db_session: Session):
    user = crud.create_user(db_session, "seed")
    db_session.refresh(user)
    return user
