from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.db import get_db
from app.helpers import fetch_member, touch
from app.models import Member
from app.service import rename

router = APIRouter()


@router.get("/members/{member_id}")
def read_member(member_id: int, db: Session = Depends(get_db)):
    # Awaits db.get after the migration, so it is async and hands its helpers an AsyncSession.
    if db.get(Member, member_id) is None:
        return None
    touch(db, stats=db)
    return fetch_member(db, member_id)


@router.put("/members/{member_id}")
def update_member(member_id: int, name: str, db: Session = Depends(get_db)):
    return rename(db, member_id, name)
