from pytest_bdd import given, parsers, scenarios, then
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crud import seed_items
from app.models import Item

scenarios("items.feature")


# pytest-bdd calls its steps without await: as coroutine functions they would never run.
@given("the seed items")
def seeded(db: Session) -> None:
    seed_items(db)


@given(parsers.parse("an item named {name}"))
def named_item(db: Session, name: str) -> None:
    db.add(Item(name=name))
    db.commit()


@then("two items exist")
def two_items(db: Session) -> None:
    assert len(db.scalars(select(Item)).all()) == 2
