from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud, sessions
from app.db import get_async_db
from app.reports_db import report_session
from app.sessions import fake_or_real, get_session, make_client

app = FastAPI()


@app.get("/items/{item_id}")
async def read_item(item_id: int, db: AsyncSession = Depends(get_async_db)):
    return await crud.get_item(db, item_id)


@app.get("/other/{item_id}")
async def read_other(item_id: int):
    # get_session() returns SessionLocal(), a sync Session: get_item, async now, awaits calls on it.
    db = get_session()
    return await crud.get_item(db, item_id)


@app.get("/readonly/{item_id}")
async def read_readonly(item_id: int):
    # Both returns of open_session() are sync Sessions too, reached through the module.
    db = sessions.open_session(readonly=True)
    item = await crud.get_item(db, item_id)
    db.close()
    return item


@app.get("/inline/{item_id}")
async def read_inline(item_id: int):
    return await crud.get_item(get_session(), item_id)


@app.get("/reports/{item_id}")
async def read_report(item_id: int):
    # report_session() returns an AsyncSession: nothing to flag.
    db = report_session()
    return await crud.get_item(db, item_id)


@app.get("/reports/{item_id}/again")
async def read_report_again(item_id: int):
    db = sessions.open_report_session()
    return await crud.get_item(db, item_id)


@app.get("/maybe/{item_id}")
async def read_maybe(item_id: int, fake: bool = False):
    # fake_or_real() may return something that is no session: left as the other unknown sessions are.
    db = fake_or_real(fake)
    return await crud.get_item(db, item_id)


@app.get("/client/{item_id}")
async def read_client(item_id: int):
    client = make_client()
    return await crud.get_item(client, item_id)
