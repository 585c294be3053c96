from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.database import get_db
from app.services import LegacyService, MemberService

router = APIRouter()
service = MemberService()


@router.get("/members/{member_id}")
def read_member(member_id: int, db: Session = Depends(get_db)):
    member = service.get(db, member_id)
    return {"id": member.id, "email": member.email}


@router.post("/members")
def create_member(email: str, db: Session = Depends(get_db)):
    member = service.register(db, email)
    return {"id": member.id, "total": service.total(db)}


@router.get("/legacy/{member_id}")
def read_legacy(member_id: int, db: Session = Depends(get_db)):
    member = LegacyService().get(db, member_id)
    return {"id": member.id}
