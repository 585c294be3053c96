from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.database import get_async_db
from app.schemas import BasketOut, InvoiceOut

router = APIRouter()


@router.post("/baskets", response_model=BasketOut)
async def post_basket(db: AsyncSession = Depends(get_async_db)):
    # A Basket has no `lines`: the field keeps its default, nothing is loaded.
    return await crud.create_basket(db)


@router.post("/invoices", response_model=InvoiceOut)
async def post_invoice(db: AsyncSession = Depends(get_async_db)):
    return await crud.create_invoice(db)


async def invoice_lines(db: AsyncSession) -> int:
    invoice = await crud.create_invoice(db)
    return len(invoice.lines)
