from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db, get_db
from app.repositories import LegacyUserRepository, MixedUserRepository, UserRepository, UserService
from sqlalchemy.orm import Session

app = FastAPI()


def get_legacy_repo(db: Session = Depends(get_db)) -> LegacyUserRepository:
    return LegacyUserRepository(db)


def get_service(db: Session = Depends(get_db)) -> UserService:
    return UserService(db)


def get_repo(db: AsyncSession = Depends(get_async_db)) -> UserRepository:
    return UserRepository(db)


def get_mixed_repo(db: AsyncSession = Depends(get_async_db)) -> MixedUserRepository:
    return MixedUserRepository(db)


@app.get("/legacy/{user_id}")
def read_legacy(user_id: int, repo: LegacyUserRepository = Depends(get_legacy_repo)):
    return {"found": repo.get(user_id) is not None}


@app.get("/service/{user_id}")
def read_service(user_id: int, service: UserService = Depends(get_service)):
    return {"found": service.find(user_id) is not None}


@app.get("/users/{user_id}")
async def read_user(user_id: int, repo: UserRepository = Depends(get_repo)):
    return {"found": await repo.get(user_id) is not None}


@app.get("/mixed/{user_id}")
def read_mixed(user_id: int, repo: MixedUserRepository = Depends(get_mixed_repo)):
    return {"found": repo.get(user_id) is not None}
