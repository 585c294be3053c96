from typing import Any

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.ext.asyncio import AsyncSession

from app import deps
from app.repositories.legacy import LegacyRepository
from app.services import orders as order_services
from app.repositories.orders import OrderRepository
from app.repositories.ports import OrderLookup
from app.services.orders import OrderService


def load(service, order_id: int):
    return service.find(order_id)


def load_from_registry(order_id: int):
    return deps.orders.find(order_id)


def load_by_kind(handlers, kind: str, order_id: int):
    return handlers[kind].find(order_id)


def load_from_factory(make_service, order_id: int):
    return make_service().find(order_id)


def load_from_state(request: Request, order_id: int):
    return request.state.orders.find(order_id)


def load_legacy(db, order_id: int):
    return LegacyRepository(db).find(order_id)


def load_many(service, ids: list[int]):
    return list(map(service.find, ids))


async def load_in_thread(service, order_id: int):
    return await run_in_threadpool(service.find, order_id)


def pick(mapping, key: str):
    return mapping.get(key)


def totals(repo):
    return order_services.count_orders(repo)


async def resolved(service: OrderService, order_id: int):
    return await service.find(order_id) or await order_services.find_order(service.repo, order_id)


def with_session(service, db: AsyncSession, order_id: int):
    return service.find(db, order_id)


def load_any(service: Any, order_id: int):
    return service.find(order_id)


def load_sorted(service, ids: list[int]):
    return sorted(ids, key=lambda i: service.find(i))


async def both(repo: OrderRepository, other, order_id: int):
    mine = await repo.get(order_id)
    return mine, other.get(order_id)


def via_port(lookup: OrderLookup, order_id: int):
    return lookup.find(order_id)
