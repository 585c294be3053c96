import asyncio


def create_task(coro):
    return asyncio.create_task(coro)
