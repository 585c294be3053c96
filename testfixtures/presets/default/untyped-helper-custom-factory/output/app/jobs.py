from app.crud import wipe
from app.db import async_make_session


async def nightly():
    async with async_make_session() as db:
        await wipe(db)
