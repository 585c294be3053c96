from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.crud import mark
from app.db.helpers import slug
from app.db import get_async_db

app = FastAPI()


@app.post("/items/{item_id}/done")
async def done(item_id: int, db: AsyncSession = Depends(get_async_db)):
    await mark(db, item_id)
    return {"ok": slug("Done")}
