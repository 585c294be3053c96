from app.catalog import list_products
from app.database import SessionLocal

# Opened at import time and read by the functions below.
db = SessionLocal()


def count_products():
    return len(list_products(db))


if __name__ == "__main__":
    count_products()
