from app.customers import CustomerService
from app.models import Customer


def test_register(db_session):
    customer = CustomerService(db_session).register("ada")
    assert db_session.get(Customer, customer.id).name == "ada"
