from fastapi import APIRouter, Depends
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.reports.db import get_db

router = APIRouter()


@router.get("/reports/count")
def count_reports(db: Session = Depends(get_db)):
    return {"count": db.execute(text("select 1")).scalar()}
