from app.crud import NoteFacade, NoteWriter
from app.db import registry
import asyncio


async def seed():
    await NoteWriter(registry).write("first")
    await NoteFacade(registry).add("second")


if __name__ == "__main__":
    asyncio.run(seed())
