# A module that defines its own `open`: calls to it are not the builtin.
from aiofiles import open as aio_open


def open(name):
    return {"name": name}


async def uses_local_open():
    return open("cart")


async def parameter_named_open(open):
    return open("x")


async def imported_async_open(path):
    async with aio_open(path) as handle:
        return await handle.read()
