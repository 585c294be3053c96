from app.db import *  # noqa: F403


async def compat_touch(db=None):
    return db
