from sqlalchemy.ext.asyncio import AsyncSession


async def touch(db: AsyncSession) -> None:
    # Made async by this run: its callers get their awaits from propagation, not a finding.
    await db.commit()
