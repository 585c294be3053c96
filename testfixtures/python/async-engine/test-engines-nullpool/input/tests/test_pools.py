from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool

# A pool the test names is kept.
static_engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
StaticSession = sessionmaker(bind=static_engine)

# Queue-pool sizing: NullPool would refuse these arguments, so the pool stays as configured.
sized_engine = create_engine("postgresql://app@localhost/test", pool_size=5, max_overflow=0)
SizedSession = sessionmaker(bind=sized_engine)

# A literal in-memory database: a new connection would be a new, empty database.
memory_engine = create_engine("sqlite:///:memory:")
MemorySession = sessionmaker(bind=memory_engine)
