from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.orm import Session

from app import crud, models, schemas
from app.api import deps
from app.core import security

router = APIRouter()


@router.post("/login/access-token", response_model=schemas.Token)
def login_access_token(login: schemas.LoginRequest, db: Session = Depends(deps.get_db)) -> Any:
    user = crud.user.authenticate(db, email=login.email, password=login.password)
    if not user:
        raise HTTPException(status_code=400, detail="Incorrect email or password")
    if not crud.user.is_active(user):
        raise HTTPException(status_code=400, detail="Inactive user")
    return {"access_token": security.create_access_token(user.id), "token_type": "bearer"}


@router.post("/login/test-token", response_model=schemas.User)
def test_token(current_user: models.User = Depends(deps.get_current_user)) -> Any:
    return current_user
