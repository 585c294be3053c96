from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Cart(Base):
    __tablename__ = "carts"
    id = Column(Integer, primary_key=True)
    entries = relationship("Entry")


class Entry(Base):
    __tablename__ = "entries"
    id = Column(Integer, primary_key=True)
    cart_id = Column(ForeignKey("carts.id"))
    product_id = Column(ForeignKey("products.id"))
    product = relationship("Product")


class Product(Base):
    __tablename__ = "products"
    id = Column(Integer, primary_key=True)
