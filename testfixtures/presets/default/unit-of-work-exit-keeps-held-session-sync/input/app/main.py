from fastapi import FastAPI
from sqlalchemy import select

from app.models import Account
from app.uow import Transaction

app = FastAPI()


@app.post("/accounts/{owner}")
def open_account(owner: str):
    with Transaction() as tx:
        if tx.session.scalar(select(Account).where(Account.owner == owner)) is not None:
            return {"opened": False}
        tx.session.add(Account(owner=owner))
        tx.commit()
    return {"opened": True}
