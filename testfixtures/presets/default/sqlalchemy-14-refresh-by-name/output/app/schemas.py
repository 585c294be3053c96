from typing import List

from pydantic import BaseModel


class ItemBase(BaseModel):
    id: int
    title: str

    class Config:
        orm_mode = True


class UserOut(BaseModel):
    id: int
    email: str

    class Config:
        orm_mode = True


class ItemOut(ItemBase):
    owner: UserOut


class UserWithItems(UserOut):
    items: List[ItemBase] = []
