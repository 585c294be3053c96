from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import User

router = APIRouter(prefix="/users")

# Pasted from another module: the same imports again.
from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import User


@router.put("/me")
def update_me(payload: dict, db: Session = Depends(get_db)):
    user = db.get(User, 1)
    user.name = payload["name"]
    db.commit()
    return {"name": user.name}
