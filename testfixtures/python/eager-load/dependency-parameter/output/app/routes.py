from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict

from app.deps import PostDep, post_or_404
from app.models import Post

router = APIRouter()


class AuthorOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    name: str


class PostOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    title: str
    author: AuthorOut


@router.get("/posts/{post_id}/comments")
def comment_bodies(post: PostDep) -> list:
    return [c.body for c in post.comments]


@router.get("/posts/{post_id}/tags")
async def tag_names(post: Post = Depends(post_or_404)) -> list:
    return [t.name for t in post.tags]


@router.get("/posts/{post_id}", response_model=PostOut)
async def read_post(post: PostDep) -> Any:
    return post
