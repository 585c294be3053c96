import aiofiles


async def grep(path: str, word: str) -> list[str]:
    hits = []
    async with aiofiles.open(path, encoding="utf-8", errors="replace") as f:
        async for line in f:
            if word in line:
                hits.append(line.rstrip("\n"))
        else:
            await f.seek(0)
    return hits
