import pytest
import pytest_asyncio
from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, StaticPool

from app.database import Base
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine


class AuditedSession(Session):
    pass


@pytest.fixture(scope="session")
def savepoint_engine():
    engine = create_engine("sqlite:///./savepoint.db")
    Base.metadata.create_all(engine)
    yield engine
    Base.metadata.drop_all(engine)


# SQLAlchemy 1.4's recipe: the code under test may roll back; a SAVEPOINT restarted by a listener absorbs it.
@pytest.fixture
def savepoint_db(savepoint_engine):
    connection = savepoint_engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection)
    session.begin_nested()

    @event.listens_for(session, "after_transaction_end")
    def restart_savepoint(session, transaction):
        if transaction.nested and not transaction._parent.nested:
            session.expire_all()
            session.begin_nested()

    yield session
    session.close()
    transaction.rollback()
    connection.close()


# The database lives in the one connection StaticPool keeps: shared across the run, it cannot be shared across loops.
@pytest.fixture(scope="session")
def memory_engine():
    engine = create_engine("sqlite://", poolclass=StaticPool)
    Base.metadata.create_all(engine)
    yield engine


@pytest.fixture
def memory_db(memory_engine):
    connection = memory_engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection)
    yield session
    session.close()
    transaction.rollback()
    connection.close()


@pytest.fixture(scope="session")
def audited_engine():
    engine = create_engine("sqlite:///./audited.db")
    Base.metadata.create_all(engine)
    yield engine


# A session class of the project's own: what its async form would be is not known.
@pytest.fixture
def audited_db(audited_engine):
    connection = audited_engine.connect()
    transaction = connection.begin()
    session = sessionmaker(bind=connection, class_=AuditedSession)()
    yield session
    session.close()
    transaction.rollback()
    connection.close()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def shared_engine():
    engine = create_async_engine("sqlite+aiosqlite:///./shared.db", poolclass=NullPool)
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield engine


# One session for the whole run, rolled back at its end: converted in the run's event loop (`loop_scope`), where
# the tests receiving it run too.
@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def shared_db(shared_engine):
    async with shared_engine.connect() as connection:
        transaction = await connection.begin()
        async with AsyncSession(bind=connection, expire_on_commit=False) as session:
            yield session
        await transaction.rollback()
