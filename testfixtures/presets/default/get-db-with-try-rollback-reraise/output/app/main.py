from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.models import Activity
from sqlalchemy import select

app = FastAPI()


@app.get("/activities")
async def list_activities(db: AsyncSession = Depends(get_async_db)):
    return [a.message for a in (await db.scalars(select(Activity))).all()]
