from app.crud import count_products
from app.deps import provide_session


def first_count() -> int:
    # provide_session drawn by hand: it stays a sync generator, so /legacy-count is on a sync Session.
    db = next(provide_session())
    return count_products(db)
