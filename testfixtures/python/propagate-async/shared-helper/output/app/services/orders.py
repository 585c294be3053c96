from sqlalchemy.ext.asyncio import AsyncSession

from app.utils import audit


async def cancel_order(db: AsyncSession, order_id: int) -> bool:
    ok = order_id > 0 and await audit.record(db, "cancel") is None
    return ok
