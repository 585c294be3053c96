from collections.abc import Callable
from contextlib import AbstractContextManager

from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.db import Counter, SessionLocal


def reset(open_session: Callable[[], AbstractContextManager[Session]] = SessionLocal) -> None:
    with open_session() as session:
        session.execute(delete(Counter))
        session.commit()
