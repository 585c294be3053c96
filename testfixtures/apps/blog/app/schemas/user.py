from datetime import datetime
from typing import List, Optional

from app.schemas.compat import ORMModel
from app.schemas.item import Item


class UserBase(ORMModel):
    email: Optional[str] = None
    full_name: Optional[str] = None
    is_active: Optional[bool] = True
    is_superuser: bool = False


class UserCreate(UserBase):
    email: str
    password: str


# Self-service sign-up must not be able to set is_superuser or is_active.
class UserRegister(ORMModel):
    email: str
    password: str
    full_name: Optional[str] = None


class UserUpdate(UserBase):
    password: Optional[str] = None


class UserUpdateMe(ORMModel):
    email: Optional[str] = None
    full_name: Optional[str] = None
    password: Optional[str] = None


class User(UserBase):
    id: int
    created_at: datetime


class UserWithItems(User):
    items: List[Item] = []
