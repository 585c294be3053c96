from app.repositories.orders import OrderRepository
from app.repositories.products import ProductRepository
from app.repositories.reports import ReportRepository
from app.repositories.tags import TagRepository

__all__ = ["OrderRepository", "ProductRepository", "ReportRepository", "TagRepository"]
