from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

# A pool the test names is kept.
static_engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
async_static_engine = create_async_engine("sqlite+aiosqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
StaticSession = sessionmaker(bind=static_engine)
AsyncStaticSession = async_sessionmaker(async_static_engine, expire_on_commit=False)

# Queue-pool sizing: NullPool would refuse these arguments, so the pool stays as configured.
sized_engine = create_engine("postgresql://app@localhost/test", pool_size=5, max_overflow=0)
async_sized_engine = create_async_engine("postgresql+asyncpg://app@localhost/test", pool_size=5, max_overflow=0)
SizedSession = sessionmaker(bind=sized_engine)
AsyncSizedSession = async_sessionmaker(async_sized_engine, expire_on_commit=False)

# A literal in-memory database: a new connection would be a new, empty database.
memory_engine = create_engine("sqlite:///:memory:")
async_memory_engine = create_async_engine("sqlite+aiosqlite:///:memory:")
MemorySession = sessionmaker(bind=memory_engine)
AsyncMemorySession = async_sessionmaker(async_memory_engine, expire_on_commit=False)
