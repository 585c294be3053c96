from sqlalchemy.ext.asyncio import AsyncSession

from app.models import AuditLog


async def record(db: AsyncSession, action: str) -> None:
    db.add(AuditLog(action=action))
    await db.flush()


def describe(action: str) -> str:
    return f"audit: {action}"
