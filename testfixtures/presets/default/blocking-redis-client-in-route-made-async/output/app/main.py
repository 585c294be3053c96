from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.cache import codes
from app.database import get_async_db
from app.models import Member

app = FastAPI()


def remember_code(email: str, code: str) -> None:
    codes.set(email, code, ex=300)


@app.post("/members/{member_id}/code")
async def confirm(member_id: int, code: str, db: AsyncSession = Depends(get_async_db)):
    member = await db.get(Member, member_id)
    if member is None:
        raise HTTPException(404)
    if codes.get(member.email) != code:
        raise HTTPException(400)
    pipe = codes.pipeline()
    return {"confirmed": True}


@app.post("/members/{member_id}/resend")
async def resend(member_id: int, db: AsyncSession = Depends(get_async_db)):
    member = await db.get(Member, member_id)
    remember_code(member.email, "1234")
    return {"sent": True}


@app.get("/health")
def health():
    return {"redis": codes.ping()}
