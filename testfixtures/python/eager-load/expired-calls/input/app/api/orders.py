from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import AsyncSessionLocal, get_db
from app.models import Product
from app.services import OrderService, OutOfStock, restock

router = APIRouter()


@router.post("/products/{product_id}/orders")
async def order_product(product_id: int, db: AsyncSession = Depends(get_db)) -> dict:
    product = await db.get(Product, product_id)
    if product is None:
        return {"error": "not found"}
    service = OrderService(db)
    try:
        order = await service.place_order(product_id, 1)
        return {"order": order.id, "left": product.stock}
    except OutOfStock:
        return {"error": f"{product.name} is out of stock"}


@router.post("/products/{product_id}/restock")
async def restock_product(product_id: int, db: AsyncSession = Depends(get_db)) -> dict:
    product = await db.get(Product, product_id)
    if product is None:
        return {"error": "not found"}
    await restock(db, product_id, 10)
    return {"name": product.name}


@router.post("/products/{product_id}/rename")
async def rename_product(product_id: int, name: str, db: AsyncSession = Depends(get_db)) -> dict:
    product = await db.get(Product, product_id)
    if product is None:
        return {"error": "not found"}
    await OrderService(db).rename(product, name)
    return {"name": product.name}


@router.post("/products/{product_id}/reorder")
async def reorder_product(product_id: int, db: AsyncSession = Depends(get_db)) -> dict:
    product = await db.get(Product, product_id)
    if product is None:
        return {"error": "not found"}
    async with AsyncSessionLocal() as other:
        service = OrderService(other)
        try:
            await service.place_order(product_id, 1)
        except OutOfStock:
            pass
    return {"name": product.name}
