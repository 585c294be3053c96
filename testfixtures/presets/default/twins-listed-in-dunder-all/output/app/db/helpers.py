# An __all__ naming nothing awaitify twins: left alone.
__all__ = ["slug"]


def slug(text: str) -> str:
    return text.lower().replace(" ", "-")
