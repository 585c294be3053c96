from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from .controllers import orders
from .db import get_db

router = APIRouter()


@router.get("/orders")
async def list_orders(db: Session = Depends(get_db)):
    return [order.id for order in await orders.list(db)]


@router.get("/orders/count")
async def count_orders(db: Session = Depends(get_db)):
    return {"count": await orders.count(db)}


@router.post("/orders")
async def create_order(total: int, db: Session = Depends(get_db)):
    order = await orders.create(db, total)
    return {"id": order.id}
