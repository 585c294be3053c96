from dataclasses import asdict
from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import User

app = FastAPI()

SessionDep = Annotated[Session, Depends(get_db)]


@app.get("/users/{user_id}/export")
def export_user(user_id: int, session: SessionDep):
    user = session.scalar(select(User).where(User.id == user_id))
    return asdict(user)
