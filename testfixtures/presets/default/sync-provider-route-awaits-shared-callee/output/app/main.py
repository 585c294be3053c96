from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.crud import count_products
from app.database import get_async_db
from app.deps import provide_session
from sqlalchemy.orm import Session

app = FastAPI()


@app.get("/count")
async def count(db: AsyncSession = Depends(get_async_db)) -> int:
    return await count_products(db)


@app.get("/legacy-count")
async def legacy_count(db: Session = Depends(provide_session)) -> int:
    # count_products is async for /count; this route must await it, on the sync Session provide_session yields:
    # flagged, and its annotation stays the `Session` it is filled with.
    return await count_products(db)
