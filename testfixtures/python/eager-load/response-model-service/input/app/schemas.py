from typing import List

from pydantic import BaseModel, ConfigDict


class ORM(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class TagOut(ORM):
    name: str


class PostBrief(ORM):
    title: str
    tags: List[TagOut]


class AuthorOut(ORM):
    name: str
    posts: List[PostBrief]


class CommentOut(ORM):
    body: str


class PostOut(ORM):
    title: str
    author: AuthorOut
    comments: List[CommentOut]
