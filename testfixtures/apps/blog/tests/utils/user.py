from typing import Optional

from sqlalchemy.orm import Session

from app import crud, models
from app.schemas.user import UserCreate
from tests.utils.utils import random_email, random_lower_string


def create_random_user(
    db: Session,
    *,
    password: Optional[str] = None,
    is_superuser: bool = False,
    is_active: bool = True,
    full_name: Optional[str] = None,
) -> models.User:
    user_in = UserCreate(
        email=random_email(),
        password=password or random_lower_string(),
        is_superuser=is_superuser,
        is_active=is_active,
        full_name=full_name,
    )
    return crud.user.create(db, obj_in=user_in)
