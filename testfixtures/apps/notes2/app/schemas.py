from datetime import datetime
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

T = TypeVar("T")


class _Stripped(BaseModel):
    @field_validator("title", check_fields=False)
    @classmethod
    def strip_title(cls, value: str | None) -> str | None:
        if value is None:
            return value
        value = value.strip()
        if not value:
            raise ValueError("title must not be blank")
        return value


class NotebookCreate(_Stripped):
    title: str = Field(max_length=120)
    description: str | None = None


class NotebookUpdate(_Stripped):
    title: str | None = Field(default=None, max_length=120)
    description: str | None = None
    archived: bool | None = None


class NotebookOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    description: str | None
    archived: bool
    created_at: datetime


class NoteCreate(_Stripped):
    title: str = Field(max_length=200)
    body: str = ""
    pinned: bool = False


class NoteUpdate(_Stripped):
    title: str | None = Field(default=None, max_length=200)
    body: str | None = None
    pinned: bool | None = None


class NoteOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    notebook_id: int
    title: str
    body: str
    pinned: bool
    word_count: int


class NotebookDetail(NotebookOut):
    notes: list[NoteOut]


class NotebookSummary(BaseModel):
    id: int
    title: str
    note_count: int
    word_count: int
    pinned_titles: list[str]


class NotebookStat(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    note_count: int


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    skip: int
    limit: int


class NoteIds(BaseModel):
    note_ids: list[int]


class MoveNote(BaseModel):
    notebook_id: int


class Affected(BaseModel):
    affected: int
