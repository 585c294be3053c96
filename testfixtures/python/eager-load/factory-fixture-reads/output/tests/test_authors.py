from typing import Awaitable, Callable

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Author

AuthorFactory = Callable[..., Awaitable[Author]]


@pytest.mark.asyncio
async def test_books_through_the_relationship(db: AsyncSession, make_author: AuthorFactory) -> None:
    author = await make_author("Ursula")
    await db.refresh(author)
    # A lazy load on an AsyncSession: the factory's query is not here, so it is flagged.
    assert author.books == []


@pytest.mark.asyncio
async def test_columns_only(make_author: Callable[..., Awaitable[Author]]) -> None:
    author = await make_author("Tove")
    # A column: nothing to load.
    assert author.name == "Tove"


@pytest.mark.asyncio
async def test_after_rollback(db: AsyncSession, make_author: AuthorFactory) -> None:
    author = await make_author("Stanislaw")
    await db.rollback()
    # Expired by the rollback: flagged, the object named by its factory.
    assert author.name == "Stanislaw"
