from fastapi import Depends
from sqlalchemy.orm import Session
from app.db import Session

from app.customers import CustomerService


def get_session():
    session = Session()
    try:
        yield session
    finally:
        session.close()


def customer_service(db=Depends(get_session)) -> CustomerService:
    return CustomerService(db)
