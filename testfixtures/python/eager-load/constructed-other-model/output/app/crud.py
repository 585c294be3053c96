from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Basket, Invoice


async def create_basket(db: AsyncSession):
    basket = Basket()
    db.add(basket)
    await db.commit()
    return basket


async def create_invoice(db: AsyncSession):
    invoice = Invoice()
    db.add(invoice)
    await db.commit()
    await db.refresh(invoice, attribute_names=["lines"])
    return invoice
