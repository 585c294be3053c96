from fastapi import Depends, HTTPException
from sqlalchemy.orm import Session

from app.db import get_db


class RowQuota:
    def __init__(self, model, limit: int):
        self.model = model
        self.limit = limit

    # The query on an unannotated model class stays legacy, so __call__ stays sync: on the sync session it needs.
    def __call__(self, db: Session = Depends(get_db)) -> int:
        used = db.query(self.model).count()
        if used >= self.limit:
            raise HTTPException(429)
        return self.limit - used
