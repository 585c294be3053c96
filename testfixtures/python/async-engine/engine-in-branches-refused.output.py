import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

URL = os.environ["DATABASE_URL"]


def make_engine(url):
    return create_engine(url)


# No `else`: when neither branch runs, `engine_a` is unbound, and so would its twin be.
if URL.startswith("sqlite"):
    engine_a = create_engine(URL, connect_args={"check_same_thread": False})
elif URL.startswith("postgresql"):
    engine_a = create_engine(URL)
SessionA = sessionmaker(bind=engine_a)

# One branch binds it by a function call, not create_engine(...).
if URL.startswith("sqlite"):
    engine_b = create_engine(URL)
else:
    engine_b = make_engine(URL)
SessionB = sessionmaker(bind=engine_b)

# Rebound after the `if`.
if URL.startswith("sqlite"):
    engine_c = create_engine(URL)
else:
    engine_c = create_engine(URL, pool_pre_ping=True)
engine_c = engine_c.execution_options(isolation_level="AUTOCOMMIT")
SessionC = sessionmaker(bind=engine_c)

# Bound in a nested `if`, deeper than the module-level branches.
if URL.startswith("sqlite"):
    if os.environ.get("SQL_ECHO"):
        engine_d = create_engine(URL, echo=True)
    else:
        engine_d = create_engine(URL)
else:
    engine_d = create_engine(URL)
SessionD = sessionmaker(bind=engine_d)

# Bound in try/except branches.
try:
    engine_e = create_engine(URL)
except ImportError:
    engine_e = create_engine("sqlite:///./fallback.db")
SessionE = sessionmaker(bind=engine_e)

# One branch's engine cannot be converted: neither branch gets a twin.
if URL.startswith("sqlite"):
    engine_f = create_engine(URL)
else:
    engine_f = create_engine(URL, poolclass=QueuePool)
SessionF = sessionmaker(bind=engine_f)
