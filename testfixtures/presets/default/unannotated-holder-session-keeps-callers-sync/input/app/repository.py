from sqlalchemy import select

from app.models import Customer


class CustomerRepository:
    # No annotation on `session`: nothing tells insert-await it is a session.
    def __init__(self, session):
        self.session = session

    def by_email(self, email: str):
        return self.session.scalar(select(Customer).where(Customer.email == email))

    def add(self, customer: Customer) -> None:
        self.session.add(customer)
