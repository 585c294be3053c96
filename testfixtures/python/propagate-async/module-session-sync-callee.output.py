from sqlalchemy.orm import Session

from app.db import SessionLocal


def label(db: Session) -> str:
    return type(db).__name__


def describe():
    return label(db)


# A module-level session handed to functions that stay sync: nothing to do.
db = SessionLocal()
print(label(db))

if __name__ == "__main__":
    session = SessionLocal()
    label(session)
    session.close()
