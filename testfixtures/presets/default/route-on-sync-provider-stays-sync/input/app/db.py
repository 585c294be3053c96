from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, sessionmaker


class Base(DeclarativeBase):
    pass


def sql_global_init(db_url: str):
    engine = create_engine(db_url, connect_args={"check_same_thread": False})
    SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
    return SessionLocal, engine


SessionLocal, engine = sql_global_init("sqlite:///./app.db")


# Not named get_db: awaitify writes no async twin for it, and its factory has none either.
def generate_session():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
