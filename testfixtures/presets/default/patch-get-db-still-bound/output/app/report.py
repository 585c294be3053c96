from app.db import get_db


def count_reports():
    db = next(get_db())
    try:
        return db.execute("select count(*) from reports").scalar()
    finally:
        db.close()
