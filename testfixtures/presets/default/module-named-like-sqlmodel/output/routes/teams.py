from fastapi import APIRouter, HTTPException
from sqlmodel import select

from dependencies.sqlmodel import SessionDep
from models.team import Team, TeamWithHeroes
from sqlalchemy.orm import selectinload

router = APIRouter()


@router.get("/teams/{team_id}")
async def read_team(session: SessionDep, team_id: int) -> TeamWithHeroes:
    team = (await session.exec(select(Team).options(selectinload(Team.heroes)).where(Team.id == team_id))).first()
    if not team:
        raise HTTPException(status_code=404, detail="Team not found")
    return team
