from sqlalchemy import Boolean, CheckConstraint, Column, DateTime, ForeignKey, Integer, String, Table, func
from sqlalchemy.orm import relationship

from app.database import Base

# ondelete=CASCADE so deleting a tag or product in SQL (bulk delete) cannot leave dangling links on
# databases that enforce foreign keys.
product_tags = Table(
    "product_tags",
    Base.metadata,
    Column("product_id", Integer, ForeignKey("products.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", Integer, ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Product(Base):
    __tablename__ = "products"
    # The stock check in the UPDATE is the real guard; this one catches bugs that bypass it.
    __table_args__ = (CheckConstraint("stock >= 0", name="ck_products_stock_non_negative"),)

    id = Column(Integer, primary_key=True)
    sku = Column(String(32), unique=True, nullable=False, index=True)
    name = Column(String(200), nullable=False)
    # Integer cents: float prices drift, and Numeric behaves differently on SQLite.
    price_cents = Column(Integer, nullable=False)
    stock = Column(Integer, nullable=False, default=0)
    discontinued = Column(Boolean, nullable=False, default=False)

    tags = relationship("Tag", secondary=product_tags, back_populates="products", order_by="Tag.name")
    order_items = relationship("OrderItem", back_populates="product")


class Tag(Base):
    __tablename__ = "tags"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), unique=True, nullable=False)

    products = relationship("Product", secondary=product_tags, back_populates="tags")


class Order(Base):
    __tablename__ = "orders"

    id = Column(Integer, primary_key=True)
    customer_email = Column(String(255), nullable=False, index=True)
    status = Column(String(20), nullable=False, default="placed")
    placed_at = Column(DateTime, nullable=False, server_default=func.now())

    items = relationship("OrderItem", back_populates="order", cascade="all, delete-orphan", order_by="OrderItem.id")

    @property
    def total_cents(self) -> int:
        return sum(item.quantity * item.unit_price_cents for item in self.items)


class OrderItem(Base):
    __tablename__ = "order_items"

    id = Column(Integer, primary_key=True)
    order_id = Column(Integer, ForeignKey("orders.id", ondelete="CASCADE"), nullable=False, index=True)
    product_id = Column(Integer, ForeignKey("products.id"), nullable=False, index=True)
    quantity = Column(Integer, nullable=False)
    # Copied at order time: later price changes must not rewrite what the customer paid.
    unit_price_cents = Column(Integer, nullable=False)

    order = relationship("Order", back_populates="items")
    product = relationship("Product", back_populates="order_items")
