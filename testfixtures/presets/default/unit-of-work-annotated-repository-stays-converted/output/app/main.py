from fastapi import FastAPI

from app.models import Customer
from app.uow import UnitOfWork

app = FastAPI()


@app.post("/customers/{email}/invite")
async def invite(email: str):
    with UnitOfWork() as uow:
        if await uow.customers.by_email(email) is not None:
            return {"invited": False}
        uow.customers.add(Customer(email=email))
        await uow.commit()
    return {"invited": True}
