from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.database import get_async_db

app = FastAPI()


@app.get("/customers/{email}")
async def read_customer(email: str, db: AsyncSession = Depends(get_async_db)):
    customer = await crud.get_customer_by_email(db, email)
    if customer is None:
        raise HTTPException(status_code=404)
    return {"id": customer.id, "name": customer.name}
