from typing import Annotated

import fastapi
from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.db.session import get_db

DbSession = Annotated[Session, Depends(get_db)]

router = APIRouter(dependencies=[Depends(get_db)])


@router.get("/health", dependencies=[fastapi.Depends(get_db)])
def health(db: Annotated[Session, Depends(dependency=get_db, use_cache=False)]):
    return {"ok": True}
