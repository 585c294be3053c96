from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.tools import count_items, registry

app = FastAPI()


@app.get("/count")
async def count(db: AsyncSession = Depends(get_async_db)):
    return {"n": await count_items(db)}


@app.get("/tools/{name}")
def call_tool(name: str):
    return {"result": registry.call(name, {})}
