from sqlalchemy.ext.asyncio import AsyncSession

from app.repository import ShelfRepository


async def first_title(db: AsyncSession, shelf_id: int) -> str:
    repository = ShelfRepository(db)
    shelf = await repository.find(shelf_id)
    return shelf.books[0].title


async def shelf_label(db: AsyncSession, book_id: int) -> str:
    book = await ShelfRepository(db).find_book(book_id)
    return book.shelf.label


async def new_shelf_titles(db: AsyncSession, label: str) -> list[str]:
    repository = ShelfRepository(db)
    shelf = await repository.add(label)
    return [book.title for book in shelf.books]
