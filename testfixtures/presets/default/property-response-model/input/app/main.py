from typing import List

from fastapi import Depends, FastAPI
from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import Session

from app import crud
from app.db import get_db
from app.models import Board


class BoardOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    card_ids: List[int]


app = FastAPI()


@app.get("/boards", response_model=List[BoardOut])
def boards(db: Session = Depends(get_db)):
    return db.query(Board).all()


@app.get("/crud/boards", response_model=List[BoardOut])
def crud_boards(db: Session = Depends(get_db)):
    return crud.all_boards(db)


@app.get("/crud/boards/{board_id}/ids")
def board_ids(board_id: int, db: Session = Depends(get_db)):
    board = crud.one_board(db, board_id)
    return {"ids": board.card_ids}
