from ..db import get_async_session_factory, get_session_factory


def get_db():
    db = get_session_factory()()
    try:
        yield db
    finally:
        db.close()


async def get_async_db():
    async with get_async_session_factory()() as session:
        yield session
