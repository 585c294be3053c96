from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import Role, Status, Ticket, User

router = APIRouter()


@router.post("/admins")
async def create_admin(name: str, db: AsyncSession = Depends(get_async_db)):
    # The sync commit expired `user`, so `is_admin` read Role.ADMIN back from the database. With the async
    # factory (expire_on_commit=False) `user.role` stays "ADMIN" and `is_admin` is False: flagged.
    user = User(name=name, role="ADMIN")
    db.add(user)
    await db.commit()
    return {"id": user.id, "admin": user.is_admin}


@router.post("/users")
async def create_user(name: str, db: AsyncSession = Depends(get_async_db)):
    # Built with the member: it holds what the database gives back. Not flagged.
    user = User(name=name, role=Role.USER)
    db.add(user)
    await db.commit()
    return {"id": user.id, "admin": user.is_admin}


@router.post("/tickets")
async def open_ticket(db: AsyncSession = Depends(get_async_db)):
    # `Column(Enum(Status))` with a name string: flagged; the string enum column `kind` is not.
    ticket = Ticket(status="OPEN", kind="bug")
    db.add(ticket)
    await db.commit()
    return {"open": ticket.status == Status.OPEN}


@router.post("/drafts")
async def draft_user(name: str, db: AsyncSession = Depends(get_async_db)):
    # Flushed, never committed: the sync session did not reload it either. Not flagged.
    user = User(name=name, role="USER")
    db.add(user)
    await db.flush()
    return {"id": user.id}
