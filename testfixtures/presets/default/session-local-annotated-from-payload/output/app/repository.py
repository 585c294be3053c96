from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Activity


class ActivityRepository:
    # A method named like the session's own `add`, made async by the migration.
    async def add(self, db: AsyncSession, activity: Activity) -> Activity:
        db.add(activity)
        await db.commit()
        return activity
