from typing import Annotated, Dict

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.repo import ItemRepo, Registry


def get_repo(db: AsyncSession = Depends(get_async_db)) -> ItemRepo:
    return ItemRepo(db)


def get_registry() -> Registry:
    return Registry()


# Type aliases: an annotation naming one means what it would mean written out.
RepoDep = Annotated[ItemRepo, Depends(get_repo)]
AnyRepoDep = Annotated[Dict[str, int], Depends(get_repo)]
RegistryDep = Annotated[Registry, Depends(get_registry)]
