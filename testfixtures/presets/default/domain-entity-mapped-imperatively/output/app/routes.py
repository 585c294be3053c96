from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.repository import TeamRepository

router = APIRouter()


@router.get("/teams/{team_id}/size")
async def team_size(team_id: int, db: AsyncSession = Depends(get_async_db)):
    team = await TeamRepository(db).find(team_id)
    return {"members": len(team.members) if team else 0}


@router.get("/teams/{team_id}/bare")
async def team_bare(team_id: int, db: AsyncSession = Depends(get_async_db)):
    team = await TeamRepository(db).find_bare(team_id)
    return {"members": team.members}

