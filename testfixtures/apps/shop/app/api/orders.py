from typing import Any

from fastapi import APIRouter, Depends, Query, status

from app import schemas
from app.config import settings
from app.services import OrderLine, OrderService

router = APIRouter(tags=["orders"])


@router.post("/orders", response_model=schemas.OrderOut, status_code=status.HTTP_201_CREATED)
def place_order(payload: schemas.OrderCreate, orders: OrderService = Depends()) -> Any:
    lines = [OrderLine(product_id=line.product_id, quantity=line.quantity) for line in payload.items]
    return orders.place_order(payload.customer_email, lines)


@router.get("/orders/{order_id}", response_model=schemas.OrderOut)
def read_order(order_id: int, orders: OrderService = Depends()) -> Any:
    return orders.get_order(order_id)


@router.post("/orders/{order_id}/cancel", response_model=schemas.OrderOut)
def cancel_order(order_id: int, orders: OrderService = Depends()) -> Any:
    return orders.cancel_order(order_id)


@router.get("/customers/{customer_email}/orders", response_model=schemas.CustomerOrders)
def customer_orders(
    customer_email: str,
    orders: OrderService = Depends(),
    limit: int = Query(10, ge=1, le=settings.MAX_PAGE_SIZE),
    offset: int = Query(0, ge=0),
) -> Any:
    total, page = orders.customer_orders(customer_email, limit=limit, offset=offset)
    return {"total": total, "orders": page}
