import io
import aiofiles


async def rewrite(path, extra):
    async with aiofiles.open(path, "r+b") as f:  # keep this comment
        header = await f.readline()
        rest = await f.readlines()
        await f.seek(0)
        size = await f.tell()
        await f.truncate()
        await f.write(header)
        await f.writelines(rest)
        await f.flush()
        tail = (await f.read()).splitlines()
        if not f.closed:
            print(f.name, f.mode, size)
    async with aiofiles.open(path, mode="a", newline="") as out, aiofiles.open(extra) as src:
        await out.write(await src.read())
    return header, tail


async def count(path):
    async with aiofiles.open(path, "rb") as f:
        return -len(await f.read(10)) + (await f.tell()) ** 2
