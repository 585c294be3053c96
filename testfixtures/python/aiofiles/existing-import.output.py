import aiofiles as af


async def read(path):
    async with af.open(path) as f:
        first = await f.read()
    async with af.open(path + ".bak") as f:
        return first, await f.read()
