from typing import Optional

from pydantic import BaseModel, ConfigDict


class AuthorOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    name: str


class PostOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    title: str
    author: Optional[AuthorOut] = None
