from app.db.base import Base
from app.db.session import engine


async def init_db() -> None:
    # propagate-async made this function async; the sync engine would block the loop here.
    Base.metadata.create_all(bind=engine)
    await seed()
