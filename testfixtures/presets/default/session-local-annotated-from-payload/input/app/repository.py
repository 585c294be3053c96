from sqlalchemy.orm import Session

from app.models import Activity


class ActivityRepository:
    # A method named like the session's own `add`, made async by the migration.
    def add(self, db: Session, activity: Activity) -> Activity:
        db.add(activity)
        db.commit()
        return activity
