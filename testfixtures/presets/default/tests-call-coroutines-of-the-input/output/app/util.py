import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def span(name: str):
    yield name


async def ticks(n: int):
    for i in range(n):
        yield i


async def compute(x: int) -> int:
    await asyncio.sleep(0)
    return x * 2
