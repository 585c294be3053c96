from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import Activity

app = FastAPI()


@app.get("/activities")
def list_activities(db: Session = Depends(get_db)):
    return [a.message for a in db.query(Activity).all()]
