from collections.abc import Generator
from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from app.database import get_db


def provide_session() -> Generator[Session, None, None]:
    """The request's session: the one place routers take it from."""
    yield from get_db()


SessionDep = Annotated[Session, Depends(provide_session)]
