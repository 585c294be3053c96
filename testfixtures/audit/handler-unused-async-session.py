from typing import Any

from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.api import deps

router = APIRouter()


@router.get("/me")
def read_user_me(
    db: AsyncSession = Depends(deps.get_async_db),
    current_user: Any = Depends(deps.get_current_user),
) -> Any:
    return current_user


@router.get("/count")
def count(db: AsyncSession = Depends(deps.get_async_db)) -> Any:
    return db.execute("select count(*) from item")
