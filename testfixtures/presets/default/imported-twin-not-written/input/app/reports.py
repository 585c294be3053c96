from fastapi import APIRouter

from app.reports_db import ReportsBase, reports_engine

router = APIRouter()


@router.on_event("startup")
async def create_report_tables():
    ReportsBase.metadata.create_all(bind=reports_engine)
