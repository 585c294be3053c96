from . import (
    items,
)

__all__ = ["items"]
