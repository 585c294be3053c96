from sqlmodel import Session, create_engine

# Made on first use: no twin for get_db (flagged); its handlers keep their sync Session.
engine = None


def get_engine():
    global engine
    if engine is None:
        engine = create_engine("sqlite:///./app.db", connect_args={"check_same_thread": False})
    return engine


def get_db():
    with Session(get_engine()) as session:
        yield session
