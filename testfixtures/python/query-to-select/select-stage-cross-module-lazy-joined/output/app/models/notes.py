from typing import Optional

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class Note(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    book_id: int
    tags: list = Field(default_factory=list, sa_column=Column(JSON))
