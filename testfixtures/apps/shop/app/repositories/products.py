from typing import List, Optional, Sequence, Tuple

from fastapi import Depends
from sqlalchemy.orm import Session, selectinload

from app.database import get_db
from app.models import Product, Tag


class ProductRepository:
    """Product reads and writes. Nothing here commits: the service calling it owns the transaction."""

    def __init__(self, db: Session = Depends(get_db)) -> None:
        self.db = db

    def get(self, product_id: int) -> Optional[Product]:
        return self.db.query(Product).get(product_id)

    def get_by_sku(self, sku: str) -> Optional[Product]:
        return self.db.query(Product).filter_by(sku=sku).first()

    def get_with_tags(self, product_id: int) -> Optional[Product]:
        return (
            self.db.query(Product)
            .options(selectinload(Product.tags))
            .filter(Product.id == product_id)
            .one_or_none()
        )

    def add(self, product: Product) -> Product:
        self.db.add(product)
        # Flush so the caller gets the id (and a duplicate-key error) before its transaction ends.
        self.db.flush()
        return product

    def delete(self, product: Product) -> None:
        self.db.delete(product)
        self.db.flush()

    def search(
        self,
        *,
        min_price: Optional[int] = None,
        max_price: Optional[int] = None,
        tag: Optional[str] = None,
        text: Optional[str] = None,
        in_stock: bool = False,
        include_discontinued: bool = False,
        limit: int = 20,
        offset: int = 0,
    ) -> Tuple[int, List[Product]]:
        query = self.db.query(Product)
        if not include_discontinued:
            query = query.filter(Product.discontinued.is_(False))
        if min_price is not None:
            query = query.filter(Product.price_cents >= min_price)
        if max_price is not None:
            query = query.filter(Product.price_cents <= max_price)
        if in_stock:
            query = query.filter(Product.stock > 0)
        if text:
            query = query.filter(Product.name.ilike(f"%{text}%"))
        if tag:
            # Tag names are unique, so this join cannot repeat a product.
            query = query.join(Product.tags).filter(Tag.name == tag)
        total = query.count()
        items = (
            query.options(selectinload(Product.tags))
            .order_by(Product.price_cents, Product.id)
            .offset(offset)
            .limit(limit)
            .all()
        )
        return total, items

    def count_active(self) -> int:
        return self.db.query(Product).filter(Product.discontinued.is_(False)).count()

    def reserve_stock(self, product_id: int, quantity: int) -> bool:
        """Takes `quantity` units, or nothing when fewer are left. The check sits in the UPDATE itself so
        two concurrent orders cannot both take the last unit (a read-then-write would race)."""
        updated = (
            self.db.query(Product)
            .filter(Product.id == product_id, Product.stock >= quantity, Product.discontinued.is_(False))
            .update({Product.stock: Product.stock - quantity}, synchronize_session=False)
        )
        return updated == 1

    def release_stock(self, product_id: int, quantity: int) -> None:
        self.db.query(Product).filter(Product.id == product_id).update(
            {Product.stock: Product.stock + quantity}, synchronize_session=False
        )

    def discount_tagged(self, tag_name: str, cents_off: int) -> int:
        # Products already at or below the discount keep their price rather than becoming free.
        # synchronize_session=False: the in-Python evaluator cannot run the EXISTS behind .any().
        return (
            self.db.query(Product)
            .filter(Product.tags.any(Tag.name == tag_name), Product.price_cents > cents_off)
            .update({Product.price_cents: Product.price_cents - cents_off}, synchronize_session=False)
        )

    def discontinue(self, product_ids: Sequence[int]) -> int:
        return (
            self.db.query(Product)
            .filter(Product.id.in_(product_ids), Product.discontinued.is_(False))
            .update({"discontinued": True}, synchronize_session="fetch")
        )

    def clear_discontinued_stock(self) -> int:
        # Default synchronize_session: products already in the session see stock 0 at once.
        return self.db.query(Product).filter(Product.discontinued == True, Product.stock > 0).update(  # noqa: E712
            {Product.stock: 0}
        )
