import io

import aiofiles


async def read_config(path):
    with open(path) as handle:
        return handle.read()


async def write_log(path, line):
    f = open(path, "a")
    f.write(line)
    io.open(path).close()


async def the_async_way(path):
    async with aiofiles.open(path) as handle:
        return await handle.read()


def sync_def_is_fine(path):
    with open(path) as handle:
        return handle.read()
