from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.models import Color

app = FastAPI()


@app.get("/colors")
async def list_colors(db: AsyncSession = Depends(get_async_db)):
    return [c.name for c in (await db.execute(select(Color))).scalars().all()]
