from app.crud import count_products
from app.database import get_db
from app.deps import provide_session
from app.repository import ProductRepository


def titles_once() -> list[str]:
    # The dependency iterated by hand: a sync Session, handed to a repository whose methods await it now.
    for db in get_db():
        return ProductRepository(db).titles()
    return []


def print_titles() -> None:
    for db in get_db():
        repo = ProductRepository(db)
        print(repo.titles())


def count_all() -> int:
    # A wrapper delegating to the dependency, drawn by hand: it stays a sync generator, its session sync.
    for db in provide_session():
        return count_products(db)
    return 0


def first_count() -> int:
    db = next(provide_session())
    return count_products(db)
