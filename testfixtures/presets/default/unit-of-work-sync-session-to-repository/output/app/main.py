from fastapi import Depends, FastAPI

from app import services
from app.db import SessionLocal
from app.uow import UnitOfWork

app = FastAPI()


def get_uow() -> UnitOfWork:
    return UnitOfWork(SessionLocal)


@app.post("/items/{name}")
async def create_item(name: str, uow: UnitOfWork = Depends(get_uow)) -> dict[str, bool]:
    return {"created": await services.add_item(name, uow)}
