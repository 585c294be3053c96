from sqlalchemy.orm import Session

from .db import Job


def record_job(db: Session, name: str) -> Job:
    job = Job(name=name)
    db.add(job)
    db.commit()
    return job


def count_jobs(db: Session) -> int:
    return db.query(Job).count()
