from sqlalchemy.ext.asyncio import AsyncSession

from app.utils import audit


def cancel_order(db: AsyncSession, order_id: int) -> bool:
    ok = order_id > 0 and audit.record(db, "cancel") is None
    return ok
