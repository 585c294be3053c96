from datetime import datetime
from typing import List

from pydantic import BaseModel, ConfigDict


class TagOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str


class ItemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    tags: List[TagOut] = []


class UserBase(BaseModel):
    email: str


class UserCreate(UserBase):
    pass


class UserBrief(UserBase):
    id: int

    class Config:
        orm_mode = True


class UserOut(UserBrief):
    created_at: datetime
    items: List[ItemOut] = []
