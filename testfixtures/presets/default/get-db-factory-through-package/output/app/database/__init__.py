# The package hands on the factory: the dependency imports it from here, not from .session.
from .session import AsyncSessionLocal, SessionLocal, async_engine, engine
