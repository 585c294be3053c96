from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.database import get_db
from app.events import bus
from app.handlers import register
from app.models import Activity
from app.repository import ActivityRepository

app = FastAPI()
register()


@app.post("/activities")
def create_activity(message: str, db: Session = Depends(get_db)):
    before = db.query(Activity).count()
    bus.publish("activity", {"db": db, "message": message})
    return {"before": before}


@app.post("/activities/direct")
def create_direct(message: str, db: Session = Depends(get_db)):
    return {"id": ActivityRepository().add(db, Activity(message=message)).id}
