import os

import sqlalchemy as sa
from sqlalchemy import orm

DB_USER = os.environ["DB_USER"]
DB_PASSWORD = os.environ["DB_PASSWORD"]
DB_HOST = os.getenv("DB_HOST", "localhost")

connect_args = {"check_same_thread": False} if os.getenv("DB_KIND") == "sqlite" else {}

engine = sa.create_engine(
    f"postgresql://{DB_USER}:{DB_PASSWORD}@{DB_HOST}/app",
    connect_args=connect_args,
    echo=bool(os.getenv("SQL_ECHO")),
)
session_factory = orm.sessionmaker(engine, autoflush=False)
