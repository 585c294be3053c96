from typing import Annotated

from fastapi import APIRouter, Depends

from app.api.deps import get_repo
from app.repositories.user_repo import UserRepo
from app.services.users import UserService, get_user_service

router = APIRouter(prefix="/users")


@router.get("/{user_id}")
def read_user(user_id: int, repo: UserRepo = Depends(UserRepo)):
    return repo.get(user_id)


@router.get("/")
def list_users(repo=Depends(get_repo)):
    return repo.list_active()


@router.get("/via-service/{user_id}")
def via_service(user_id: int, service: Annotated[UserService, Depends(get_user_service)]):
    return service.find(user_id)


@router.get("/label")
def label(service: UserService = Depends(get_user_service)):
    return service.label()
