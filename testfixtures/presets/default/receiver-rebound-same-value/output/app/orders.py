from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

if TYPE_CHECKING:
    from app.items import ItemService


class OrderService:
    def __init__(self, db: AsyncSession, item_service: Any = None):
        self.db = db
        self._item_service = item_service

    def _items(self) -> "ItemService":
        if self._item_service is None:
            raise RuntimeError("ItemService is not configured")
        return self._item_service

    def _other(self) -> "ItemService":
        return self._item_service

    async def place(self, item_id: int, gift_item_id: int | None) -> None:
        await self.db.flush()
        if gift_item_id is None:
            items = self._items()
            await items.check(item_id)
        else:
            # Bound again to the same call: still an ItemService.
            items = self._items()
            await items.check(gift_item_id)

    async def place_either(self, item_id: int, other: bool) -> None:
        await self.db.flush()
        # Bound to two different calls: which one a use sees is not known, so the call is flagged.
        if other:
            items = self._other()
        else:
            items = self._items()
        items.check(item_id)
