import sys

from fastapi import Depends, FastAPI
from fastapi.openapi.utils import get_openapi
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.middleware.base import BaseHTTPMiddleware

from app.db import get_async_db
from app.repo import ItemRepo

app = FastAPI()


@app.get("/items/{item_id}")
async def read_item(item_id: int, db: AsyncSession = Depends(get_async_db)):
    return await ItemRepo(db).get(item_id)


class Timing(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        # `request` and `response` are unannotated, but no project class has a `headers`, `query_params` or
        # `cookies` attribute holding anything but a dict: these are the HTTP library's mappings.
        response = await call_next(request)
        trace = response.headers.get("x-trace")
        page = request.query_params.get("page")
        theme = request.cookies.get("theme")
        return response


def trace_of(response):
    return response.headers.get("x-trace")


class Client:
    def __init__(self):
        self.headers = {"accept": "application/json"}


def custom_openapi():
    # What a library returns, its entries, and the items and unpacked items of those.
    schema = get_openapi(title="api", version="1", routes=app.routes)
    info = schema["info"]
    title = info.get("title")
    for path, methods in schema["paths"].items():
        summary = methods.get("summary")
    operation = schema["paths"]["/items/{item_id}"]["get"]
    for parameter in operation.get("parameters", []):
        kind = parameter["schema"].get("type")
    return schema, title, summary, kind


def still_reported(repo, spec: dict, make):
    # Nothing shows these are not an ItemRepo: an unannotated parameter, an entry of a dict whose annotation does
    # not type its values, what an unknown callable returns, an entry of sys.modules (a project module).
    a = repo.get(1)
    b = spec["repo"].get(1)
    c = make().get(1)
    d = sys.modules["app.repo"].get(1)
    return a, b, c, d


class Service:
    def __init__(self, repo, settings: dict):
        self.repo = repo
        self.settings = settings

    def run(self):
        # `self.repo` is unknown (reported); `self.settings` is a dict (not).
        return self.repo.get(1), self.settings.get("mode")
