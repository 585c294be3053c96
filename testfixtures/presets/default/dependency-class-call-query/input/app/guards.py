from fastapi import Depends, HTTPException
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Note


class NoteQuota:
    def __init__(self, limit: int):
        self.limit = limit

    # FastAPI awaits the __call__ of a dependency instance when it is a coroutine function: it may become async.
    def __call__(self, db: Session = Depends(get_db)) -> int:
        used = db.query(Note).count()
        if used >= self.limit:
            raise HTTPException(429)
        return self.limit - used
