import logging

from app.db.init_db import init_db
from app.db.session import AsyncSessionLocal
from app.models import User

logger = logging.getLogger(__name__)


async def init() -> None:
    db = AsyncSessionLocal()
    db.add(User(id=2))
    await init_db(db=db)


async def seed_twice() -> None:
    session = AsyncSessionLocal()
    await init_db(session)
    await init_db(session)
