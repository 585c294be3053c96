from typing import Any, Callable

Handler = Callable[[dict], Any]

JOBS: list[Callable[[], None]] = []


class ToolRegistry:
    def __init__(self) -> None:
        self._tools: dict[str, Handler] = {}

    def tool(self, name: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self._tools[name] = handler
            return handler

        return register

    def call(self, name: str, arguments: dict) -> Any:
        return self._tools[name](arguments)


def job(fn):
    JOBS.append(fn)
    return fn


def traced(fn):
    fn.traced = True
    return fn


def run_jobs() -> None:
    for fn in JOBS:
        fn()
