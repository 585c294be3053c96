from app.database import SessionLocal, get_db
from app.repository import ProductRepository


def twice():
    # Each object is built on a sync Session: both reported.
    db = next(get_db())
    repo = ProductRepository(db)
    print(repo.titles())
    other = SessionLocal()
    repo = ProductRepository(other)
    print(repo.titles())


def either(flag: bool):
    if flag:
        repo = ProductRepository(next(get_db()))
    else:
        repo = ProductRepository(SessionLocal())
    print(repo.titles())


def replaced():
    # The object built on the drawn session is replaced before the awaited call: only the second one reaches it.
    db = next(get_db())
    repo = ProductRepository(db)
    print(repo.label())
    with SessionLocal() as session:
        repo = ProductRepository(session)
        print(repo.titles())


def made_once():
    db = SessionLocal()
    print(ProductRepository(db).titles())
    repo = ProductRepository(db)
    print(repo.titles())


def in_loop():
    repo = None
    for _ in range(2):
        if repo is not None:
            print(repo.titles())
        db = next(get_db())
        repo = ProductRepository(db)
