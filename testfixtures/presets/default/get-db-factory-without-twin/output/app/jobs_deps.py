from app.jobs_db import JobSession


def get_db():
    db = JobSession()
    try:
        yield db
    finally:
        db.close()
