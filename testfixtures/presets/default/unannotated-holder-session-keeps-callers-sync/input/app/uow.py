from app.db import SessionLocal
from app.repository import CustomerRepository


class UnitOfWork:
    def __enter__(self):
        self.session = SessionLocal()
        self.customers = CustomerRepository(self.session)
        return self

    def __exit__(self, *exc_info):
        self.session.rollback()
        self.session.close()

    def commit(self):
        self.session.commit()
