from fastapi import Depends, FastAPI
from sqlmodel.ext.asyncio.session import AsyncSession

from app.db import get_async_db
from app.logs import recent

app = FastAPI()


@app.get("/logs")
async def read_logs(session: AsyncSession = Depends(get_async_db)):
    return await recent(session)
