from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession
from app import db as deps
from app import crud
from sqlalchemy.orm import Session

app = FastAPI()


@app.get("/items/{item_id}")
async def read_item(item_id: int, db: AsyncSession = Depends(deps.get_async_db)):
    return await crud.item.get(db, item_id)


@app.put("/items/{item_id}/score")
def rescore_item(item_id: int, db: Session = Depends(deps.get_db)):
    return crud.item.rescore(db, item_id)
