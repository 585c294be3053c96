from pydantic import BaseModel, ConfigDict


class ItemBrief(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    title: str


class UserBrief(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    email: str


class UserOut(UserBrief):
    items: list[ItemBrief] = []


class ItemOut(ItemBrief):
    owner: UserBrief


class UserDeep(UserBrief):
    # items, then each item's owner: a refresh loads one level, so this stays flagged.
    items: list[ItemOut] = []
