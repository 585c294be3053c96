from sqlalchemy.ext.asyncio import AsyncSession

from .db import Job
from sqlalchemy import func, select


async def record_job(db: AsyncSession, name: str) -> Job:
    job = Job(name=name)
    db.add(job)
    await db.commit()
    return job


async def count_jobs(db: AsyncSession) -> int:
    return await db.scalar(select(func.count()).select_from(Job))
