from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.fixes import fix_blank_names

app = FastAPI()


@app.post("/fix")
async def fix(db: AsyncSession = Depends(get_async_db)):
    await fix_blank_names(db)
    return {"ok": True}
