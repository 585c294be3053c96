from .database import AsyncSessionLocal, SessionLocal
from .models import User


def job():
    async with AsyncSessionLocal() as db:
        db.add(User())
        await db.commit()


def report():
    # Still uses the sync factory outside a conversion, so its import stays.
    return SessionLocal
