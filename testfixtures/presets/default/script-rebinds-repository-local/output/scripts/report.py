from app.database import AsyncSessionLocal, SessionLocal, get_db
from app.repository import ProductRepository


async def twice():
    # Each object is built on a sync Session: both reported.
    db = next(get_db())
    repo = ProductRepository(db)
    print(await repo.titles())
    other = SessionLocal()
    repo = ProductRepository(other)
    print(await repo.titles())


async def either(flag: bool):
    if flag:
        repo = ProductRepository(next(get_db()))
    else:
        repo = ProductRepository(SessionLocal())
    print(await repo.titles())


async def replaced():
    # The object built on the drawn session is replaced before the awaited call: only the second one reaches it.
    db = next(get_db())
    repo = ProductRepository(db)
    print(repo.label())
    async with AsyncSessionLocal() as session:
        repo = ProductRepository(session)
        print(await repo.titles())


async def made_once():
    db = SessionLocal()
    print(await ProductRepository(db).titles())
    repo = ProductRepository(db)
    print(await repo.titles())


def in_loop():
    repo = None
    for _ in range(2):
        if repo is not None:
            print(repo.titles())
        db = next(get_db())
        repo = ProductRepository(db)
