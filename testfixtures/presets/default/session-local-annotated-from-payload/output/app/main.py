from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.events import bus
from app.handlers import register
from app.models import Activity
from app.repository import ActivityRepository
from sqlalchemy import func, select

app = FastAPI()
register()


@app.post("/activities")
async def create_activity(message: str, db: AsyncSession = Depends(get_async_db)):
    before = await db.scalar(select(func.count()).select_from(Activity))
    bus.publish("activity", {"db": db, "message": message})
    return {"before": before}


@app.post("/activities/direct")
async def create_direct(message: str, db: AsyncSession = Depends(get_async_db)):
    return {"id": (await ActivityRepository().add(db, Activity(message=message))).id}
