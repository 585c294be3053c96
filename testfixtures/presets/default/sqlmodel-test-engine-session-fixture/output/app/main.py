from fastapi import Depends, FastAPI
from sqlmodel.ext.asyncio.session import AsyncSession

from app import crud
from app.db import get_async_db

app = FastAPI()


@app.get("/thirsty")
async def list_thirsty(session: AsyncSession = Depends(get_async_db)):
    return await crud.thirsty(session)
