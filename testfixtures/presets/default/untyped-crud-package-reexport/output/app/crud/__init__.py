from .users import get_user

__all__ = ["get_user"]
