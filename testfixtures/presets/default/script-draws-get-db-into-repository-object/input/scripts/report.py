from app.database import get_db
from app.repository import ProductRepository


def print_titles():
    db = next(get_db())
    print(ProductRepository(db).titles())


def print_first():
    print(ProductRepository(next(get_db())).find(1))


if __name__ == "__main__":
    print_titles()
    print_first()
