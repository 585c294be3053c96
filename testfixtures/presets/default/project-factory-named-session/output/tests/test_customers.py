from app.customers import CustomerService
from app.models import Customer
import pytest


@pytest.mark.asyncio
async def test_register(db_session):
    customer = await CustomerService(db_session).register("ada")
    assert (await db_session.get(Customer, customer.id)).name == "ada"
