import asyncio


async def greet(name: str) -> str:
    await asyncio.sleep(0)
    return f"hello {name}"
