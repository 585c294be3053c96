from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Customer
from app.repository import CustomerRepository
from app.uow import UnitOfWork

app = FastAPI()


@app.post("/customers/{email}")
def sign_up(email: str, db: Session = Depends(get_db)):
    customers = CustomerRepository(db)
    if customers.by_email(email) is not None:
        return {"created": False}
    customers.add(Customer(email=email))
    db.commit()
    return {"created": True}


@app.post("/customers/{email}/invite")
def invite(email: str):
    with UnitOfWork() as uow:
        if uow.customers.by_email(email) is not None:
            return {"invited": False}
        uow.customers.add(Customer(email=email))
        uow.commit()
    return {"invited": True}
