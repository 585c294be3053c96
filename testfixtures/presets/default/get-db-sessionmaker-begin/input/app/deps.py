from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from app.db import SessionLocal


def get_db():
    # One transaction per request: committed when the handler returns, rolled back when it raises.
    with SessionLocal.begin() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]
