from sqlalchemy import create_engine
from sqlalchemy.orm import declarative_base, sessionmaker
from sqlalchemy.pool import StaticPool

MEMORY_URL = "sqlite:///:memory:"

# Each of these databases lives in its own connection: the async twin opens another, empty one.
engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
SessionLocal = sessionmaker(bind=engine)

cache_engine = create_engine(MEMORY_URL)
CacheSession = sessionmaker(bind=cache_engine)

named_engine = create_engine("sqlite:///:memory:?check_same_thread=false", echo=True)
NamedSession = sessionmaker(bind=named_engine)

# Shared in the process, but only while a connection to it stays open.
shared_engine = create_engine("sqlite:///file::memory:?cache=shared&uri=true")
SharedSession = sessionmaker(bind=shared_engine)

# A file: both engines open the same database.
file_engine = create_engine("sqlite:///./jobs.db")
FileSession = sessionmaker(bind=file_engine)

Base = declarative_base()
Base.metadata.create_all(bind=engine)
