from app.database import get_db
from app.repository import ProductRepository


async def print_titles():
    db = next(get_db())
    repo = ProductRepository(db)
    print(repo.label())
    print(await repo.titles())


async def print_first():
    repo = ProductRepository(db=next(get_db()))
    print(await repo.find(1))


if __name__ == "__main__":
    print_titles()
    print_first()
