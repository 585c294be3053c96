from sqlalchemy import create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

DATABASE_URL = "sqlite:///./app.db"

engine = create_engine(DATABASE_URL, connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(bind=engine, autoflush=False)


# SQLite enforces foreign keys only when each connection asks for it.
def _enable_foreign_keys(dbapi_connection, connection_record):
    dbapi_connection.execute("PRAGMA foreign_keys=ON")


event.listen(engine, "connect", _enable_foreign_keys)


@event.listens_for(engine, "connect")
def _set_journal_mode(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


@event.listens_for(SessionLocal, "after_commit")
def _audit_commit(session):
    session.info["commits"] = session.info.get("commits", 0) + 1


def enable_logging():
    event.listen(engine, "before_cursor_execute", _log_statement)


def _log_statement(conn, cursor, statement, parameters, context, executemany):
    print(statement)


class Base(DeclarativeBase):
    pass


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
