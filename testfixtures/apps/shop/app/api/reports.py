from typing import Any, List

from fastapi import APIRouter, Depends, Query

from app import schemas
from app.services import ReportService

router = APIRouter(prefix="/reports", tags=["reports"])


@router.get("/best-sellers", response_model=List[schemas.BestSeller])
def best_sellers(limit: int = Query(5, ge=1, le=50), reports: ReportService = Depends()) -> Any:
    return [{"product": product, "units": units} for product, units in reports.best_sellers(limit)]


@router.get("/revenue", response_model=List[schemas.CustomerRevenue])
def revenue(reports: ReportService = Depends()) -> Any:
    return [{"customer_email": email, "revenue_cents": cents} for email, cents in reports.revenue_by_customer()]
