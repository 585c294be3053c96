from typing import Annotated

import fastapi
from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.db.session import get_async_db

DbSession = Annotated[Session, Depends(get_async_db)]

router = APIRouter(dependencies=[Depends(get_async_db)])


@router.get("/health", dependencies=[fastapi.Depends(get_async_db)])
def health(db: Annotated[Session, Depends(dependency=get_async_db, use_cache=False)]):
    return {"ok": True}
