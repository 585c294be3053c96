import urllib.request
from urllib.request import urlopen

import httpx
import requests
from requests import post


async def with_requests(url):
    requests.get(url, timeout=5)
    post(url, json={})
    session = requests.Session()
    return session


async def with_urllib(url):
    urllib.request.urlopen(url)
    urlopen(url)


async def with_httpx_sync_api(url):
    httpx.get(url)
    with httpx.Client() as client:
        client.get(url)


async def the_async_way(url):
    async with httpx.AsyncClient() as client:
        response = await client.get(url)
    raise requests.exceptions.HTTPError(response.text)


def sync_def_is_fine(url):
    return requests.get(url)
