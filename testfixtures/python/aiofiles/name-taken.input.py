from vendor import aiofiles


async def read(path):
    with open(path) as f:
        return f.read()
