from typing import Generator, Iterator

AsyncIterator = list


async def forward() -> "Iterator[int]":
    yield 1


async def taken() -> Iterator[int]:
    yield 1


async def returns_value() -> Generator[int, None, str]:
    yield 1
