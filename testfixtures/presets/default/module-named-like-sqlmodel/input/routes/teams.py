from fastapi import APIRouter, HTTPException
from sqlmodel import select

from dependencies.sqlmodel import SessionDep
from models.team import Team, TeamWithHeroes

router = APIRouter()


@router.get("/teams/{team_id}")
def read_team(session: SessionDep, team_id: int) -> TeamWithHeroes:
    team = session.exec(select(Team).where(Team.id == team_id)).first()
    if not team:
        raise HTTPException(status_code=404, detail="Team not found")
    return team
