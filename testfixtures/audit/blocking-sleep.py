import asyncio
import time
import time as t
from time import sleep
from time import sleep as pause


async def direct():
    time.sleep(1)


async def aliased_module():
    t.sleep(0.5)


async def imported_function():
    sleep(1)
    pause(2)


async def inside_a_comprehension():
    return [time.sleep(0) for _ in range(3)]


async def the_async_way():
    await asyncio.sleep(1)
    await asyncio.to_thread(time.sleep, 1)


def sync_def_is_fine():
    time.sleep(1)


async def nested_sync_def():
    def blocking():
        time.sleep(1)

    await asyncio.to_thread(blocking)
    await asyncio.to_thread(lambda: time.sleep(1))


async def local_time(time):
    time.sleep(1)
