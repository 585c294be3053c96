from typing import Any

from sqlalchemy.orm import as_declarative, declared_attr


@as_declarative()
class Base:
    id: Any
    __name__: str

    # Table names follow the class name so models never repeat themselves.
    @declared_attr
    def __tablename__(cls) -> str:
        return cls.__name__.lower()
