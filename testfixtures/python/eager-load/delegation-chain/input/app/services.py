from fastapi import Depends

from app.repositories import AuthorRepository


class NotFound(Exception):
    pass


class AuthorService:
    def __init__(self, authors: AuthorRepository = Depends()) -> None:
        self.authors = authors

    async def get_author(self, author_id: int):
        author = await self.authors.get(author_id)
        if author is None:
            raise NotFound(author_id)
        author.name = author.name.strip()
        return author

    async def get_author_checked(self, author_id: int):
        return await self.get_author(author_id)

    async def post_titles(self, author_id: int) -> list:
        author = await self.get_author_checked(author_id)
        return [p.title for p in author.posts]

    async def post_count(self, author_id: int) -> int:
        author = await self.authors.get_by_pk(author_id)
        return len(author.posts)
