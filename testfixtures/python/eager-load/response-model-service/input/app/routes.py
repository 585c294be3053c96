from typing import Any, List

from fastapi import APIRouter, Depends

from app import schemas
from app.service import PostService

router = APIRouter()


@router.get("/posts/{post_id}", response_model=schemas.PostOut)
async def read_post(post_id: int, service: PostService = Depends()) -> Any:
    return await service.get_post(post_id)


@router.get("/posts", response_model=List[schemas.PostBrief])
async def read_posts(service: PostService = Depends()) -> Any:
    return await service.list_posts()
