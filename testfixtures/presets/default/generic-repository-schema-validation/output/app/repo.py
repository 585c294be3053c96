# A generic repository validates what it loads with a schema held on the instance: awaitify cannot tell which
# relationships that schema reads, so it reports the validation (the query does not load them).
from typing import Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from .models import Author
from .schemas import AuthorOut

M = TypeVar("M")
S = TypeVar("S", bound=BaseModel)


class Repository(Generic[M, S]):
    def __init__(self, session: AsyncSession, model: type[M], schema: type[S]):
        self.session = session
        self.model = model
        self.schema = schema

    async def get_one(self, item_id: int) -> S:
        obj = await self.session.get(self.model, item_id)
        return self.schema.model_validate(obj)

    async def first_named(self, name: str) -> S:
        obj = (await self.session.execute(select(self.model).where(self.model.name == name))).scalars().first()
        return self.schema.model_validate(obj)

    def to_schema(self, data: dict) -> S:
        # not an object a query loaded: nothing to report
        return self.schema.model_validate(data)


class AuthorRepository(Repository[Author, AuthorOut]):
    def __init__(self, session: AsyncSession):
        super().__init__(session, Author, AuthorOut)
