from app.database import get_db
from app.repository import ProductRepository


async def print_titles():
    db = next(get_db())
    print(await ProductRepository(db).titles())


async def print_first():
    print(await ProductRepository(next(get_db())).find(1))


if __name__ == "__main__":
    print_titles()
    print_first()
