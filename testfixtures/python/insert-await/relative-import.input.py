from .database import SessionLocal
from .models import User


def job():
    with SessionLocal() as db:
        db.add(User())
        db.commit()


def report():
    # Still uses the sync factory outside a conversion, so its import stays.
    return SessionLocal
