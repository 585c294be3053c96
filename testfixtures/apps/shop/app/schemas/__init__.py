from app.schemas.catalog import (
    DiscountIn,
    DiscontinueIn,
    ProductCreate,
    ProductOut,
    ProductPage,
    ProductTagsIn,
    TagCount,
    TagIn,
    TagOut,
    UpdatedCount,
)
from app.schemas.orders import BestSeller, CustomerOrders, CustomerRevenue, OrderCreate, OrderLineIn, OrderOut

__all__ = [
    "BestSeller",
    "CustomerOrders",
    "CustomerRevenue",
    "DiscontinueIn",
    "DiscountIn",
    "OrderCreate",
    "OrderLineIn",
    "OrderOut",
    "ProductCreate",
    "ProductOut",
    "ProductPage",
    "ProductTagsIn",
    "TagCount",
    "TagIn",
    "TagOut",
    "UpdatedCount",
]
