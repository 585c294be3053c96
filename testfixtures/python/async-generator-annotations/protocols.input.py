import typing
import collections.abc as cabc
from collections.abc import Iterable
from typing import Iterator as It


async def numbers() -> typing.Iterator[int]:
    for i in range(3):
        yield i


async def names() -> Iterable[str]:
    yield "a"


async def aliased() -> It[bytes]:
    yield b""


async def abc_generator() -> cabc.Generator[int, str, None]:
    received = yield 1
    print(received)


async def bare() -> typing.Generator:
    yield 1


def still_sync() -> typing.Iterator[int]:
    yield 1


def also_sync() -> It[int]:
    yield 2
