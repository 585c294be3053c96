from sqlmodel import Session, create_engine

# Made on first use: the twin is the same shape on the async engine (get_async_engine()).
# A getter doing anything more (a parameter, an else, another statement) gets no twin.
engine = None


def get_engine():
    global engine
    if engine is None:
        engine = create_engine("sqlite:///./app.db", connect_args={"check_same_thread": False})
    return engine


def get_db():
    with Session(get_engine()) as session:
        yield session
