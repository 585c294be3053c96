from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.db import get_async_db

app = FastAPI()


class Login(BaseModel):
    email: str


@app.post("/login")
async def login(body: Login, db: AsyncSession = Depends(get_async_db)):
    user = await crud.get_user_by_email(db, email=body.email)
    if user is None:
        raise HTTPException(status_code=400, detail="unknown user")
    return {"access_token": user.email}


@app.post("/users/")
async def create_user(body: Login, db: AsyncSession = Depends(get_async_db)):
    user = await crud.create_user(db, email=body.email)
    return {"id": user.id, "email": user.email}


@app.get("/users/me")
async def read_me(authorization: str = Header(...), db: AsyncSession = Depends(get_async_db)):
    user = await crud.get_user_by_email(db, email=authorization.removeprefix("Bearer "))
    if user is None:
        raise HTTPException(status_code=401, detail="bad token")
    return {"id": user.id, "email": user.email}
