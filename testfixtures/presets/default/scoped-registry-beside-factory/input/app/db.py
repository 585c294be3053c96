from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker

engine = create_engine("sqlite:///./app.db", connect_args={"check_same_thread": False})
# A thread-local registry for scripts, beside the factory the requests use.
registry = scoped_session(sessionmaker(autoflush=False, bind=engine))
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
