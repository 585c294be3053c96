from app.services.catalog import CatalogService
from app.services.orders import OrderLine, OrderService
from app.services.reports import ReportService

__all__ = ["CatalogService", "OrderLine", "OrderService", "ReportService"]
