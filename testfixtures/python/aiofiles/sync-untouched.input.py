import aiofiles


def load(path):
    with open(path) as f:
        return f.read()


async def handler(paths):
    def helper(p):
        with open(p) as f:
            return f.read()

    reader = lambda p: open(p).read()
    async with aiofiles.open(paths[0]) as f:
        first = await f.read()
    return first, [helper(p) for p in paths], reader(paths[1])
