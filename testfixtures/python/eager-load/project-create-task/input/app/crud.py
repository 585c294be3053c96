from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Task


async def create_task(db: AsyncSession, name: str):
    task = Task(name=name)
    db.add(task)
    await db.commit()
    return task


class TaskRepo:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def create_task(self, db: AsyncSession, name: str):
        return await create_task(db, name)
