from app.db import AsyncSessionLocal
from app.repository import CustomerRepository


class UnitOfWork:
    def __enter__(self):
        self.session = AsyncSessionLocal()
        self.customers = CustomerRepository(self.session)
        return self

    def __exit__(self, *exc_info):
        self.session.rollback()
        self.session.close()

    async def commit(self):
        await self.session.commit()
