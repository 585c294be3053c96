from typing import List, Tuple

from fastapi import Depends

from app.models import Product
from app.repositories import ReportRepository


class ReportService:
    def __init__(self, reports: ReportRepository = Depends()) -> None:
        self.reports = reports

    def best_sellers(self, limit: int = 5) -> List[Tuple[Product, int]]:
        return [(product, int(units)) for product, units in self.reports.best_sellers(limit)]

    def revenue_by_customer(self) -> List[Tuple[str, int]]:
        return [(email, int(revenue)) for email, revenue in self.reports.revenue_by_customer()]
