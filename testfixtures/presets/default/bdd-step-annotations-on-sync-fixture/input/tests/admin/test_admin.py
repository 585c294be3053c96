from pytest_bdd import scenarios, when
from sqlalchemy.orm import Session

from app.models import Item

scenarios("admin.feature")


@when("the admin adds an item")
def admin_adds(session: Session) -> None:
    session.add(Item(name="admin"))
    session.commit()
