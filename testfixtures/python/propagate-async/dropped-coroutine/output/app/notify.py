import asyncio


async def send_email(to: str) -> None:
    await asyncio.sleep(0)


class Mailer:
    async def send(self, to: str) -> None:
        await asyncio.sleep(0)

    async def send_all(self, people: list[str]) -> None:
        for p in people:
            self.send(p)


async def agen():
    yield 1
