from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app import db as database
from app.legacy import get_db
from app.models import Item

app = FastAPI()


@app.get("/legacy/items")
def legacy_items(db: Session = Depends(get_db)):
    return {"n": len(db.query(Item).all())}


# Already async: its dependency stays as it is.
@app.get("/items")
async def items(db: AsyncSession = Depends(database.get_db)):
    return {"n": len((await db.scalars(select(Item))).all())}
