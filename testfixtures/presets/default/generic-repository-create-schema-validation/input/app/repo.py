# A generic repository creating an object of the model it holds, then validating it with a schema: the object was
# flushed and its relationships never loaded (a refresh loads the columns), so a schema reading one raises
# MissingGreenlet after the migration.
from typing import Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy.orm import Session

from .models import Author
from .schemas import AuthorOut

M = TypeVar("M")
S = TypeVar("S", bound=BaseModel)


class Repository(Generic[M, S]):
    def __init__(self, session: Session, model: type[M], schema: type[S]):
        self.session = session
        self.model = model
        self.schema = schema

    def create(self, data: dict) -> S:
        obj = self.model(**data)
        self.session.add(obj)
        self.session.commit()
        self.session.refresh(obj)
        return self.schema.model_validate(obj)

    def create_out(self, data: dict) -> AuthorOut:
        obj = self.model(**data)
        self.session.add(obj)
        self.session.flush()
        return AuthorOut.model_validate(obj)

    def create_loaded(self, data: dict) -> S:
        # the refresh names the relationships to load: nothing to report
        obj = self.model(**data)
        self.session.add(obj)
        self.session.commit()
        self.session.refresh(obj, attribute_names=["books"])
        return self.schema.model_validate(obj)

    def preview(self, data: dict) -> S:
        # never added nor flushed: an unset collection reads as empty, nothing to report
        obj = self.model(**data)
        return self.schema.model_validate(obj)


class AuthorRepository(Repository[Author, AuthorOut]):
    def __init__(self, session: Session):
        super().__init__(session, Author, AuthorOut)
