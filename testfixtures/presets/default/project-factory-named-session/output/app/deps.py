from fastapi import Depends
from sqlalchemy.orm import Session
from app.db import AsyncSessionLocal

from app.customers import CustomerService


async def get_session():
    session = AsyncSessionLocal()
    try:
        yield session
    finally:
        await session.close()


def customer_service(db=Depends(get_session)) -> CustomerService:
    return CustomerService(db)
