from sqlalchemy.orm import Session

from app.events import bus
from app.models import Activity
from legacy_db import open_session


# The session comes inside the event's payload, from a route: an AsyncSession once the route is migrated.
def record_activity(payload: dict) -> None:
    db: Session = payload["db"]
    db.add(Activity(message=payload["message"]))
    db.commit()
    db.refresh(db.get(Activity, 1))


def register() -> None:
    bus.subscribe("activity", record_activity)


# A session this code opens itself through a library: a sync Session, as before.
def record_legacy(message: str) -> None:
    db: Session = open_session()
    db.add(Activity(message=message))
    db.commit()
