from typing import Callable


class EventBus:
    def __init__(self):
        self._handlers: dict[str, list[Callable[[dict], None]]] = {}

    def subscribe(self, name: str, handler: Callable[[dict], None]) -> None:
        self._handlers.setdefault(name, []).append(handler)

    def publish(self, name: str, payload: dict) -> None:
        for handler in self._handlers.get(name, []):
            handler(payload)


bus = EventBus()
