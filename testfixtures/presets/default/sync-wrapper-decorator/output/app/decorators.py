import functools
import logging
from typing import Any, Callable, TypeVar, cast

log = logging.getLogger(__name__)


def background_task(func):
    """Runs the task with logging; the wrapper calls it synchronously."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except Exception:
            log.exception("task failed")
            raise

    return wrapper


def audited(label):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            log.info("running %s", label)
            func(*args, **kwargs)

        return wrapper

    return decorator


def timed(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        log.info("start")
        return await func(*args, **kwargs)

    return wrapper


def registered(func):
    HANDLERS.append(func.__name__)
    return func


HANDLERS = []


F = TypeVar("F", bound=Callable[..., Any])


def retried(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for _ in range(3):
            try:
                return func(*args, **kwargs)
            except ConnectionError:
                log.warning("retrying")
        raise ConnectionError()

    return cast(F, wrapper)
