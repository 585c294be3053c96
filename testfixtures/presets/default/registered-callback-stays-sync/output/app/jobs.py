import atexit
import threading

import schedule
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import delete, select

from app import crud
from app.db import SessionLocal
from app.models import Item

scheduler = BackgroundScheduler()


# Each function below is handed to something that calls it synchronously, later: it stays a plain def
# with its sync session.
def purge():
    with SessionLocal() as db:
        db.execute(delete(Item))
        db.commit()


def report():
    with SessionLocal() as db:
        # count_items becomes async (a route awaits it): this call is flagged, not awaited.
        print(crud.count_items(db))


def flush_on_exit():
    db = SessionLocal()
    db.commit()
    db.close()


def warm():
    db = SessionLocal()
    try:
        db.execute(select(Item)).all()
    finally:
        db.close()


scheduler.add_job(purge, "interval", minutes=5)
schedule.every(10).minutes.do(report)
atexit.register(flush_on_exit)
threading.Thread(target=warm, daemon=True).start()
