from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional

from sqlalchemy.ext.asyncio import AsyncSession


class UserRepository:
    def __init__(self, db: "AsyncSession") -> None:
        self.db = db

    def with_session(self, db: Optional["AsyncSession"]) -> 'Optional[AsyncSession]':
        return db

    def literal(self, kind: Literal["Session"] = "Session") -> str:
        return kind
