from fastapi import APIRouter

from app import deps
from app.deps import AnyRepoDep, RegistryDep, RepoDep

router = APIRouter()


@router.get("/items/{item_id}")
async def read_item(item_id: int, repo: RepoDep):
    return {"id": (await repo.find(item_id)).id}


@router.get("/by-module/{item_id}")
async def read_by_module(item_id: int, repo: deps.RepoDep):
    return await repo.find(item_id)


@router.get("/injected/{item_id}")
async def read_injected(item_id: int, repo: AnyRepoDep):
    return await repo.find(item_id)


@router.get("/registry/{item_id}")
def read_registry(item_id: int, registry: RegistryDep):
    return registry.find(item_id)
