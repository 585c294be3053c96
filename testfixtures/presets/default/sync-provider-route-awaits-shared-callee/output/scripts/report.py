from app.crud import count_products
from app.deps import provide_session


async def first_count() -> int:
    # provide_session drawn by hand: it stays a sync generator, so /legacy-count is on a sync Session.
    db = next(provide_session())
    return await count_products(db)
