from fastapi import FastAPI

from app.models import Customer
from app.uow import UnitOfWork

app = FastAPI()


@app.post("/customers/{email}/invite")
def invite(email: str):
    with UnitOfWork() as uow:
        if uow.customers.by_email(email) is not None:
            return {"invited": False}
        uow.customers.add(Customer(email=email))
        uow.commit()
    return {"invited": True}
