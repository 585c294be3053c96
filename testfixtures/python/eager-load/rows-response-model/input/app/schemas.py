from typing import List, Optional

from pydantic import BaseModel, ConfigDict


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    email: str


class TagOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    name: str


class CommentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    body: str
    author: UserOut


class PostBase(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    title: str
    owner: UserOut


class PostOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    Post: PostBase
    votes: int


class PostDetail(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    title: str
    comments: List[CommentOut]
    tags: List[TagOut]


class PostPlain(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    title: str


class UserWithPosts(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    posts: List[PostPlain]


class PostAndAuthor(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    Post: PostDetail
    User: UserWithPosts


class PlainVotes(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    Post: PostPlain
    votes: int


class TagsOnly(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    tags: List[TagOut]


class TaggedVotes(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    Post: Optional[TagsOnly]
    votes: int


class PostRow(BaseModel):
    id: int
    title: str
