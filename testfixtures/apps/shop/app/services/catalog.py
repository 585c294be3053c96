from typing import List, Optional, Sequence, Tuple

from fastapi import Depends
from sqlalchemy.orm import Session

from app import errors
from app.database import get_db
from app.models import Product, Tag
from app.repositories import OrderRepository, ProductRepository, TagRepository


class CatalogService:
    """Products and tags. Each public method is one transaction: it commits on success and rolls back
    whatever it wrote when anything fails."""

    # FastAPI caches get_db per request, so the repositories share this service's session.
    def __init__(
        self,
        db: Session = Depends(get_db),
        products: ProductRepository = Depends(),
        tags: TagRepository = Depends(),
        orders: OrderRepository = Depends(),
    ) -> None:
        self.db = db
        self.products = products
        self.tags = tags
        self.orders = orders

    def create_product(
        self, *, sku: str, name: str, price_cents: int, stock: int = 0, tags: Sequence[str] = ()
    ) -> Product:
        if self.products.get_by_sku(sku) is not None:
            raise errors.DuplicateSku(sku)
        try:
            product = Product(sku=sku, name=name, price_cents=price_cents, stock=stock, discontinued=False)
            product.tags = self.tags.get_or_create_many(tags)
            self.products.add(product)
            self.db.commit()
        except Exception:
            self.db.rollback()
            raise
        return self.get_product(product.id)

    def get_product(self, product_id: int) -> Product:
        product = self.products.get(product_id)
        if product is None:
            raise errors.ProductNotFound(product_id)
        return product

    def search(self, **filters: object) -> Tuple[int, List[Product]]:
        return self.products.search(**filters)  # type: ignore[arg-type]

    def set_tags(self, product_id: int, names: Sequence[str]) -> Product:
        product = self.products.get_with_tags(product_id)
        if product is None:
            raise errors.ProductNotFound(product_id)
        product.tags = self.tags.get_or_create_many(names)
        self.db.commit()
        return self.products.get_with_tags(product_id)  # type: ignore[return-value]

    def delete_product(self, product_id: int) -> None:
        product = self.get_product(product_id)
        # Order lines keep a foreign key to the product: history must not disappear with it.
        if self.orders.count_for_product(product_id):
            raise errors.ProductInUse(product.sku)
        self.products.delete(product)
        self.db.commit()

    def discount_tag(self, tag_name: str, cents_off: int) -> int:
        if self.tags.get_by_name(tag_name) is None:
            raise errors.NotFound(f"tag {tag_name!r} not found")
        updated = self.products.discount_tagged(tag_name, cents_off)
        self.db.commit()
        return updated

    def discontinue(self, product_ids: Sequence[int]) -> int:
        updated = self.products.discontinue(product_ids)
        self.products.clear_discontinued_stock()
        self.db.commit()
        return updated

    def create_tag(self, name: str) -> Tag:
        if self.tags.get_by_name(name) is not None:
            raise errors.DuplicateTag(name)
        tag = self.tags.add(Tag(name=name))
        self.db.commit()
        return tag

    def tag_counts(self) -> List[Tuple[str, int]]:
        return self.tags.counts()

    def prune_tags(self) -> int:
        deleted = self.tags.delete_unused()
        self.db.commit()
        return deleted

    def active_product_count(self) -> int:
        return self.products.count_active()

    def find_by_sku(self, sku: str) -> Optional[Product]:
        return self.products.get_by_sku(sku)
