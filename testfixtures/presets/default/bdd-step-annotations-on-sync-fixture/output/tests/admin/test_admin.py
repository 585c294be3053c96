from pytest_bdd import scenarios, when
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item

scenarios("admin.feature")


@when("the admin adds an item")
def admin_adds(session: AsyncSession) -> None:
    session.add(Item(name="admin"))
    session.commit()
