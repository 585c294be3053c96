from collections import defaultdict
from typing import Dict, Optional, TypedDict

from app.models import Item
from app.repo import ItemRepo


class Summary:
    completed: dict[str, int]

    def __init__(self, completed: dict[str, int]) -> None:
        self.completed = completed


class Payload(TypedDict):
    name: str


def summarize(item: Item) -> Summary:
    return Summary({"eur": item.id})


class Cache:
    _entries = {}

    def lookup(self, key: str):
        # A class attribute bound only to a display: a dict.
        return self._entries.get(key)


def known_mappings(item: Item, extra: Optional[Dict[str, str]]):
    # `x or {}` is a dict when every operand is one: `details` is annotated `Mapped[dict | None]`.
    details = item.details or {}
    note = details.get("note")
    code = (item.details or {}).get("code")
    # What a project function annotated `-> Summary` returns, and its attribute annotated `dict[str, int]`.
    completed = summarize(item).completed or {}
    eur = completed.get("eur")
    # Entries of mappings annotated with their value type, whatever makes the mapping.
    totals: dict[int, dict[str, int]] = {}
    totals[item.id] = {}
    first = totals[item.id].get("eur")
    by_month: Dict[int, Dict[str, int]] = defaultdict(dict)
    month = by_month[1].get("eur")
    # Items of a list annotated `Mapped[list[dict]]`, also through `or []`.
    currencies = [entry.get("currency") for entry in item.amounts]
    for entry in item.amounts or []:
        currencies.append(entry.get("currency"))
    label = (extra or {}).get("label")
    attempts: list[dict] = []
    failed = [a.get("error") for a in reversed(attempts)]
    return note, code, eur, first, month, currencies, label, failed


def typed_dict(payload: Payload):
    return payload.get("name")


def pick(value):
    return value


def unknown_receivers(repo, source: dict | ItemRepo, repos: dict[str, ItemRepo], db, rows):
    # Still reported: nothing shows what `repo`, `source`, `pick(...)`, `rows` are; `repos` values are ItemRepos
    # known only from a container annotation, which calls are not resolved through.
    a = repo.get(1)
    b = source.get(1)
    c = pick(ItemRepo(db)).get(1)
    d = (repo or {}).get(1)
    e = repos["main"].get(1)
    f = [r.get(1) for r in rows]
    g = [r.get(1) for r in repos.values()]
    return a, b, c, d, e, f, g
