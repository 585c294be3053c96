import pytest_bdd
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Item

pytest_bdd.scenarios("items.feature")


# Steps named through the module: pytest-bdd hands them the sync Session of the fixture `db`.
@pytest_bdd.given(pytest_bdd.parsers.parse("an item named {name}"))
def named_item(db: Session, name: str) -> None:
    db.add(Item(name=name))
    db.commit()


@pytest_bdd.then("one item exists")
def one_item(db: Session) -> None:
    assert len(db.scalars(select(Item)).all()) == 1
