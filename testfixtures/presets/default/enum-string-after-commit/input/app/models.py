import enum

from sqlalchemy import Column, Enum, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base


class Role(enum.Enum):
    USER = "user"
    ADMIN = "admin"


class Status(str, enum.Enum):
    OPEN = "open"
    CLOSED = "closed"


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[Role] = mapped_column(default=Role.USER)

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


class Ticket(Base):
    __tablename__ = "tickets"
    id = Column(Integer, primary_key=True)
    status = Column(Enum(Status), nullable=False)
    # A string enum: it holds and loads strings, nothing to tell apart.
    kind = Column(Enum("bug", "feature", name="ticket_kind"), nullable=False)
