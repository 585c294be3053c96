import asyncio

from app.crud import touch
from app.notify import Mailer, agen, send_email


async def signup(email: str) -> None:
    # Dropped: the coroutine never runs.
    send_email(email)
    # Awaited, kept to await later, handed to the event loop or returned: left alone.
    await send_email(email)
    task = send_email(email)
    await task
    asyncio.create_task(send_email(email))
    await asyncio.gather(send_email(email), send_email(email))
    send_email(email)  # awaitify: ignore
    # An async generator object: not a coroutine (ASYNC-GENERATOR-CALL's business when made now).
    agen()


def sync_signup(email: str) -> None:
    # Dropped in a plain def: flagged too (it cannot be awaited here).
    send_email(email)


def later(email: str):
    return send_email(email)


async def mailer(m: Mailer) -> None:
    m.send("x")
    Mailer().send("y")


send_email("module")


async def ping(db) -> None:
    touch(db)
