from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker
from sqlalchemy.pool import QueuePool

import mydriver

mssql = create_engine("mssql+pyodbc://user:pw@dsn")
MssqlSession = sessionmaker(bind=mssql)

pg = create_engine("postgresql://u:p@db/app", connect_args={"options": "-c timezone=utc"})
PgSession = sessionmaker(bind=pg)

custom = create_engine("postgresql://", creator=mydriver.connect)
CustomSession = sessionmaker(bind=custom)

pooled = create_engine("mysql+pymysql://u:p@db/app", poolclass=QueuePool)
PooledSession = sessionmaker(bind=pooled)

scoped = create_engine("sqlite:///scoped.db")
ScopedSession = scoped_session(sessionmaker(bind=scoped))

legacy = create_engine("sqlite:///legacy.db")
LegacySession = sessionmaker(bind=legacy, autocommit=True)
