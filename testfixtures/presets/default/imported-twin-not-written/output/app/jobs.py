from app.shared import JobSessionLocal


def get_db():
    db = JobSessionLocal()
    try:
        yield db
    finally:
        db.close()
