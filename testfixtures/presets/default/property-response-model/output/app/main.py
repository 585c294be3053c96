from typing import List

from fastapi import Depends, FastAPI
from pydantic import BaseModel, ConfigDict
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.db import get_async_db
from app.models import Board
from sqlalchemy import select
from sqlalchemy.orm import selectinload


class BoardOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    card_ids: List[int]


app = FastAPI()


@app.get("/boards", response_model=List[BoardOut])
async def boards(db: AsyncSession = Depends(get_async_db)):
    return (await db.scalars(select(Board).options(selectinload(Board.cards)))).all()


@app.get("/crud/boards", response_model=List[BoardOut])
async def crud_boards(db: AsyncSession = Depends(get_async_db)):
    return await crud.all_boards(db)


@app.get("/crud/boards/{board_id}/ids")
async def board_ids(board_id: int, db: AsyncSession = Depends(get_async_db)):
    board = await crud.one_board(db, board_id)
    return {"ids": board.card_ids}
