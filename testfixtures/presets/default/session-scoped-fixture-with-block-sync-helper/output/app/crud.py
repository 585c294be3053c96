from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Setting


async def get_setting(db: AsyncSession, key: str) -> Setting | None:
    return await db.get(Setting, key)


def add_defaults(db: AsyncSession) -> None:
    db.add(Setting(key="theme", value="dark"))
