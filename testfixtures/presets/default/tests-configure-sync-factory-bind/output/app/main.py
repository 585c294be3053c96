from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.models import Tag
from sqlalchemy import select

app = FastAPI()


@app.post("/tags/{name}")
async def add_tag(name: str, db: AsyncSession = Depends(get_async_db)):
    if await db.scalar(select(Tag).where(Tag.name == name).limit(1)):
        raise HTTPException(status_code=400, detail="exists")
    tag = Tag(name=name)
    db.add(tag)
    await db.commit()
    return {"id": tag.id}
