from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.guards import Loader, RoleChecker, admin_only

router = APIRouter()


@router.get("/admin", dependencies=[Depends(RoleChecker("admin"))])
def admin_page():
    return {"ok": True}


@router.get("/me")
def me(user=Depends(admin_only)):
    return user.role


async def check_directly(db: AsyncSession, user_id: int):
    return await admin_only(user_id, db)


def check_all(db: AsyncSession, ids: list[int]):
    return [(lambda i: admin_only(i, db))(i) for i in ids]


def load(db: AsyncSession):
    return Loader()(db, 1)
