# `from aiofiles import open` shadows the builtin in this module.
from aiofiles import open


async def read(path):
    async with open(path) as handle:
        return await handle.read()
