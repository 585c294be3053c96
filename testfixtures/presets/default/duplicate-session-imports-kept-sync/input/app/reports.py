from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.models import User
from app.reports_db import get_db

router = APIRouter(prefix="/reports")

# Pasted from another module: the same imports again.
from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.models import User
from app.reports_db import get_db


@router.get("/users/{user_id}")
def user_report(user_id: int, db: Session = Depends(get_db)):
    user = db.get(User, user_id)
    return {"name": user.name}
