from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shop.models import Cart, Entry
from sqlalchemy.orm import selectinload


async def product_ids(db: AsyncSession, cart_id: int) -> list[int]:
    cart = await db.scalar(select(Cart).options(selectinload(Cart.entries).selectinload(Entry.product)).where(Cart.id == cart_id))
    return [entry.product.id for entry in cart.entries]
