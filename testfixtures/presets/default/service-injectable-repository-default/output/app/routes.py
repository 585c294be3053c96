from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db, get_db
from app.services import LegacyService, MemberService
from sqlalchemy.orm import Session

router = APIRouter()
service = MemberService()


@router.get("/members/{member_id}")
async def read_member(member_id: int, db: AsyncSession = Depends(get_async_db)):
    member = await service.get(db, member_id)
    return {"id": member.id, "email": member.email}


@router.post("/members")
async def create_member(email: str, db: AsyncSession = Depends(get_async_db)):
    member = await service.register(db, email)
    return {"id": member.id, "total": await service.total(db)}


@router.get("/legacy/{member_id}")
def read_legacy(member_id: int, db: Session = Depends(get_db)):
    member = LegacyService().get(db, member_id)
    return {"id": member.id}
