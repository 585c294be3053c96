from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from app.database import get_db


class BaseRepository:
    def __init__(self, db: Annotated[Session, Depends(get_db)]):
        self.db = db
