from .item import Item, ItemCreate, ItemsPage, ItemUpdate, OwnerStats, PublishResult
from .token import LoginRequest, Message, Token
from .user import User, UserCreate, UserRegister, UserUpdate, UserUpdateMe, UserWithItems

__all__ = [
    "Item",
    "ItemCreate",
    "ItemsPage",
    "ItemUpdate",
    "LoginRequest",
    "Message",
    "OwnerStats",
    "PublishResult",
    "Token",
    "User",
    "UserCreate",
    "UserRegister",
    "UserUpdate",
    "UserUpdateMe",
    "UserWithItems",
]
