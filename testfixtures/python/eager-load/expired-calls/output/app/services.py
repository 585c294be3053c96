from typing import Optional

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Order, Product


class OutOfStock(Exception):
    pass


class OrderService:
    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    async def place_order(self, product_id: int, quantity: int) -> Order:
        """All or nothing: a failure rolls back what was written, then propagates."""
        try:
            product = await self.db.get(Product, product_id)
            if product is None or product.stock < quantity:
                raise OutOfStock(product_id)
            product.stock -= quantity
            order = Order(product_id=product_id, quantity=quantity)
            self.db.add(order)
            await self.db.commit()
        except Exception:
            await self.db.rollback()
            raise
        return order

    async def quick_order(self, product_id: int) -> Order:
        return await self.place_order(product_id, 1)

    async def safe_quick_order(self, product_id: int) -> Optional[Order]:
        try:
            return await self.quick_order(product_id)
        except OutOfStock:
            return None

    async def transfer_stock(self, source_id: int, target_id: int, quantity: int) -> None:
        async with self.db.begin():
            source = await self.db.get(Product, source_id)
            target = await self.db.get(Product, target_id)
            if source is None or target is None or source.stock < quantity:
                raise OutOfStock(source_id)
            source.stock -= quantity
            target.stock += quantity

    async def rename(self, product: Product, name: str) -> None:
        product.name = name
        await self.db.commit()

    async def try_discount(self, product_id: int, cents_off: int) -> bool:
        try:
            await self.db.execute(update(Product).where(Product.id == product_id).values(price_cents=Product.price_cents - cents_off))
            await self.db.commit()
        except IntegrityError:
            await self.db.rollback()
            return False
        return True


async def restock(db: AsyncSession, product_id: int, quantity: int) -> None:
    try:
        await db.execute(update(Product).where(Product.id == product_id).values(stock=Product.stock + quantity))
        await db.commit()
    except IntegrityError:
        await db.rollback()
