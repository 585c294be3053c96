from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class UserRepository:
    def __init__(self, db: "Session") -> None:
        self.db = db

    def with_session(self, db: Optional["Session"]) -> 'Optional[Session]':
        return db

    def literal(self, kind: Literal["Session"] = "Session") -> str:
        return kind
