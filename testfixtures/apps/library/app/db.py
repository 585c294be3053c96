from collections.abc import Iterator

from sqlmodel import Session, create_engine

from app.settings import DATABASE_URL

# FastAPI runs sync endpoints in a threadpool; SQLite connections refuse to cross threads by default.
connect_args = {"check_same_thread": False} if DATABASE_URL.startswith("sqlite") else {}
engine = create_engine(DATABASE_URL, connect_args=connect_args)


def get_session() -> Iterator[Session]:
    with Session(engine) as session:
        yield session
