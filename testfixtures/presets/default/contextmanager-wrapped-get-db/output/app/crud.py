from sqlalchemy.ext.asyncio import AsyncSession

from .db import Job


async def record_job(db: AsyncSession, name: str) -> Job:
    job = Job(name=name)
    db.add(job)
    await db.commit()
    return job
