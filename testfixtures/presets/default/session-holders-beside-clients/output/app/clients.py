from collections import defaultdict
from typing import DefaultDict, List, Optional

import boto3
import httpx
import redis
import requests


# None of these attributes holds a SQLAlchemy session: their get/delete/close/execute are the clients' own.
class ApiClient:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.session = requests.Session()

    def fetch(self, path: str) -> dict:
        return self.session.get(self.base_url + path).json()

    def close(self) -> None:
        self.session.close()


class Gateway:
    def __init__(self, client: Optional[httpx.Client] = None) -> None:
        self.client = client or httpx.Client()
        self.aws = boto3.session.Session()

    def remove(self, url: str) -> int:
        self.aws.get_credentials()
        return self.client.delete(url).status_code


class Cache:
    store: "redis.Redis"

    def __init__(self) -> None:
        self.store = redis.Redis()
        self._handlers: DefaultDict[str, List[str]] = defaultdict(list)

    def lookup(self, key: str):
        self._handlers.get(key)
        pipe = self.store.pipeline()
        pipe.execute()
        return self.store.get(key)


class Fetcher:
    def __init__(self, session) -> None:
        self.session = session

    def fetch(self, url: str) -> bytes:
        return self.session.get(url).content


def make_fetcher() -> Fetcher:
    return Fetcher(requests.Session())
