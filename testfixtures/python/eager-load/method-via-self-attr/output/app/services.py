from fastapi import Depends

from app.repositories import PostRepository


class PostService:
    def __init__(self, posts: PostRepository = Depends()) -> None:
        self.posts = posts

    async def comment_count(self, title: str) -> int:
        post = await self.posts.by_title(title)
        return len(post.comments)
