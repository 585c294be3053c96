from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Customer


class CustomerService:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def register(self, name: str) -> Customer:
        customer = Customer(name=name)
        self.db.add(customer)
        await self.db.commit()
        return customer
