from fastapi import APIRouter

from app import deps
from app.deps import AnyRepoDep, RegistryDep, RepoDep

router = APIRouter()


@router.get("/items/{item_id}")
def read_item(item_id: int, repo: RepoDep):
    return {"id": repo.find(item_id).id}


@router.get("/by-module/{item_id}")
def read_by_module(item_id: int, repo: deps.RepoDep):
    return repo.find(item_id)


@router.get("/injected/{item_id}")
def read_injected(item_id: int, repo: AnyRepoDep):
    return repo.find(item_id)


@router.get("/registry/{item_id}")
def read_registry(item_id: int, registry: RegistryDep):
    return registry.find(item_id)
