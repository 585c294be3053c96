from fastapi import Depends, FastAPI
from sqlalchemy import Column, Integer, String, select
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_database

Base = declarative_base()


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    text = Column(String)


app = FastAPI()


@app.get("/notes")
async def list_notes(db: AsyncSession = Depends(get_async_database)):
    return [n.text for n in (await db.scalars(select(Note))).all()]
