from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.crud import CRUDUser
from app.db import get_async_db, get_db
from sqlalchemy.orm import Session

app = FastAPI()


@app.post("/users")
async def create_user(email: str, db: AsyncSession = Depends(get_async_db)):
    return {"id": (await CRUDUser.get_or_create(db, email)).id}


@app.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    user = await CRUDUser.get(db, user_id)
    if user is None:
        raise HTTPException(status_code=404)
    return {"email": user.email, "active": user.active}


@app.post("/users/{user_id}/deactivate")
def deactivate(user_id: int, db: Session = Depends(get_db)):
    return {"active": CRUDUser.deactivate(CRUDUser(), db, user_id).active}
