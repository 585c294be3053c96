from sqlalchemy.orm import Session

from app.crud import count_products, count_titles
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
    # A wrapper delegating to the dependency, drawn by hand: it stays a sync generator, its session sync. The route
    # `/count` hands count_products the same sync Session, so it stays a plain def, and these callers with it.
    for db in provide_session():
        return count_products(db)
    return 0


def first_count() -> int:
    db = next(provide_session())
    return count_products(db)


def count_for(db: Session) -> int:
    # Nothing here calls it: it follows count_products, which stays sync for the route.
    return count_products(db)


def titles_total() -> int:
    # count_titles has no caller but scripts: nothing says it stays sync, so it is converted and this call flagged.
    for db in provide_session():
        return count_titles(db)
    return 0


if __name__ == "__main__":
    # count_all stays a plain def, called as it is; titles_total is async now, and this call of it is flagged.
    print(count_all())
    print(titles_total())
