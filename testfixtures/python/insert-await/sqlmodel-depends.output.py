from fastapi import Depends
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.db import get_async_db
from app.models import Team


def read_teams(db: AsyncSession = Depends(get_async_db)):
    # SQLModel's AsyncSession from a `= Depends(...)` default: its exec() is a coroutine too.
    return (await db.exec(select(Team))).all()


def create_team(team: Team, db: AsyncSession = Depends(get_async_db)):
    db.add(team)
    await db.commit()
    return (await db.exec(select(Team).where(Team.id == team.id))).one()
