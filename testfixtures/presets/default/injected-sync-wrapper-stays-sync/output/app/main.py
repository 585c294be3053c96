from fastapi import Depends, FastAPI

from app.uow import Ledger, Transaction, UnitOfWork, finish, get_ledger, get_tx, get_uow

app = FastAPI()


@app.get("/tx")
def read_tx(tx: Transaction = Depends(get_tx)):
    return {"tx": type(tx).__name__}


@app.get("/uow")
def read_uow(uow: UnitOfWork = Depends(get_uow)):
    return {"uow": type(uow).__name__}


@app.post("/close")
async def close(ledger: Ledger = Depends(get_ledger)):
    await finish(ledger)
    return {"ok": True}
