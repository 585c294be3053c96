from sqlalchemy.ext.asyncio import AsyncSession


async def save(db: AsyncSession) -> None:
    await db.commit()


class Order:
    @property
    def saved(self) -> bool:
        # A stale sync caller of a session function is propagation's: one finding
        # (ASYNC-CALL-SYNC-CONTEXT, the property cannot become async), not a second one.
        save(self.db)
        return True
