import pytest
from sqlalchemy.orm import Session

from app.db import Counter


class Seeder:
    def __init__(self, session: Session):
        self.session = session

    def counter(self, value: int) -> Counter:
        row = Counter(value=value)
        self.session.add(row)
        return row

    def commit(self) -> None:
        self.session.commit()


@pytest.fixture
def seeder(db_session: Session) -> Seeder:
    return Seeder(db_session)
