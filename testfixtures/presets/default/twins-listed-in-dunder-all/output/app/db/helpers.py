# An __all__ naming nothing awaitify twins: left alone, though `AsyncClient` is named like a twin of `Client`.
from httpx import AsyncClient, Client

__all__ = ["slug", "Client"]


def slug(text: str) -> str:
    return text.lower().replace(" ", "-")


def client() -> Client:
    return Client()


def async_client() -> AsyncClient:
    return AsyncClient()
