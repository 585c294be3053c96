from sqlalchemy import text
from sqlalchemy.orm import Session


def raw(db: Session):
    db.execute(text("DELETE FROM users WHERE active = 0"))
    db.execute(text(f"UPDATE users SET seen = 1"))
    db.execute(text("SELECT * FROM users WHERE id = %s" % 1))
    return db.execute(text("SELECT 1")).scalar()
