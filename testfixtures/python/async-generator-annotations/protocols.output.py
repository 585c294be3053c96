import typing
import collections.abc as cabc
from collections.abc import AsyncIterable
from typing import AsyncIterator, Iterator as It


async def numbers() -> typing.AsyncIterator[int]:
    for i in range(3):
        yield i


async def names() -> AsyncIterable[str]:
    yield "a"


async def aliased() -> AsyncIterator[bytes]:
    yield b""


async def abc_generator() -> cabc.AsyncGenerator[int, str]:
    received = yield 1
    print(received)


async def bare() -> typing.AsyncGenerator:
    yield 1


def still_sync() -> typing.Iterator[int]:
    yield 1


def also_sync() -> It[int]:
    yield 2
