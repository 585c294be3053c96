from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("sqlite:///./app.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./app.db")
SessionLocal = sessionmaker(bind=engine)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


# Re-raising the exception by its name is re-raising it: the twin's `async with` does the same.
def get_db():
    db = SessionLocal()
    try:
        yield db
    except Exception as error:
        db.rollback()
        raise error
    finally:
        db.close()


async def get_async_db():
    async with AsyncSessionLocal() as session:
        yield session
