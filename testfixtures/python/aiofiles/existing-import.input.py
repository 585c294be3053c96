import aiofiles as af


async def read(path):
    async with af.open(path) as f:
        first = await f.read()
    with open(path + ".bak") as f:
        return first, f.read()
