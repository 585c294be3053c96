import json
import os
from typing import Dict

import requests
from fastapi import APIRouter, Request
from sqlalchemy import MetaData

from app.services.orders import AuditLog

router = APIRouter()


@router.get("/settings")
def settings(request: Request, payload: dict, params: Dict[str, str], name: str):
    cache = {}
    found = {"a": 1}.get("a") or payload.get("a") or params.get("b") or cache.get("c")
    home = os.environ.get("HOME") or json.loads("{}").get("home") or requests.get("http://x").json().get("y")
    position = name.find("x") + "abc".find("b")
    query = request.query_params.get("q")
    return found, home, position, query


def audit(log: AuditLog, key: str):
    return log.find(key) or AuditLog().find(key)


class Cache:
    def __init__(self):
        self.data = {}

    def lookup(self, key: str):
        return self.data.get(key)


async def already_awaited(service, order_id: int):
    return await service.find(order_id)


def ignored(service, order_id: int):
    return service.find(order_id)  # awaitify: ignore


metadata = MetaData()


def clear_tables(conn):
    for table in reversed(metadata.sorted_tables):
        conn.execute(table.delete())


class Finder:
    def find(self, key: str):
        raise NotImplementedError

    def first(self, key: str):
        return self.find(key)
