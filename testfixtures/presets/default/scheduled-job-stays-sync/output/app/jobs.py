from apscheduler.schedulers.background import BackgroundScheduler
from schedule import every, repeat

from app.db import SessionLocal
from app.svc import get_item

scheduler = BackgroundScheduler()


# APScheduler calls a BackgroundScheduler job synchronously: an async job would only make a coroutine.
@scheduler.scheduled_job("interval", minutes=5)
def refresh():
    with SessionLocal() as db:
        print(get_item(db, 1))


# The `schedule` library's decorator registers the function for its sync run loop.
@repeat(every(10).minutes)
def report():
    db = SessionLocal()
    try:
        print(get_item(db, 2))
    finally:
        db.close()
