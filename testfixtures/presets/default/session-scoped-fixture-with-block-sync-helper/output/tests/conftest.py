from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from app import crud
from app.database import Base, engine


@pytest.fixture(scope="session")
def db() -> Iterator[Session]:
    Base.metadata.create_all(bind=engine)
    with Session(engine) as session:
        crud.add_defaults(session)
        session.commit()
        yield session
