from app.database import SessionLocal, get_db
from app.repository import ProductRepository


def print_made():
    db = SessionLocal()
    try:
        repo = ProductRepository(db)
        print(repo.titles())
    finally:
        db.close()


def print_opened():
    with SessionLocal() as db:
        repo = ProductRepository(db)
        print(repo.titles())


def print_rebound():
    db = next(get_db())
    repo = ProductRepository(db)
    print(repo.label())
    with SessionLocal() as session:
        repo = ProductRepository(session)
        print(repo.titles())


def print_label():
    db = next(get_db())
    repo = ProductRepository(db)
    print(repo.label())


if __name__ == "__main__":
    print_made()
    print_opened()
    print_rebound()
    print_label()
