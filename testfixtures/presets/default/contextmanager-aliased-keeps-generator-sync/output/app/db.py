import contextlib as cl
from contextlib import contextmanager as cm

from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("sqlite:///./app.db", connect_args={"check_same_thread": False})
async_engine = create_async_engine("sqlite+aiosqlite:///./app.db", connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)


class Base(DeclarativeBase):
    pass


class Job(Base):
    __tablename__ = "jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


async def get_async_db():
    async with AsyncSessionLocal() as session:
        yield session


def get_session():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


# contextmanager under other names: each `with` below drives its generator with next(), so all stay sync.
get_db_ctx = cm(get_session)


def _read_only():
    with SessionLocal() as db:
        yield db


read_only_db = cl.contextmanager(_read_only)


@cm
def writer_db():
    db = SessionLocal()
    try:
        yield db
        db.commit()
    finally:
        db.close()


@cl.contextmanager
def other_db():
    with SessionLocal() as db:
        yield db
