from collections.abc import AsyncGenerator
from typing import Annotated

from fastapi import Depends

from app.database import get_async_db
from sqlalchemy.ext.asyncio import AsyncSession


async def provide_session() -> AsyncGenerator[AsyncSession, None]:
    """The request's session: the one place routers take it from."""
    async for session in get_async_db():
        yield session


SessionDep = Annotated[AsyncSession, Depends(provide_session)]
