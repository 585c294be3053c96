from sqlalchemy.orm import Session

from app.models import Customer


class CustomerService:
    def __init__(self, db: Session):
        self.db = db

    def register(self, name: str) -> Customer:
        customer = Customer(name=name)
        self.db.add(customer)
        self.db.commit()
        return customer
