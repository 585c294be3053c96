from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.db import get_db
from app.repository import TeamRepository

router = APIRouter()


@router.get("/teams/{team_id}/size")
def team_size(team_id: int, db: Session = Depends(get_db)):
    team = TeamRepository(db).find(team_id)
    return {"members": len(team.members) if team else 0}


@router.get("/teams/{team_id}/bare")
def team_bare(team_id: int, db: Session = Depends(get_db)):
    team = TeamRepository(db).find_bare(team_id)
    return {"members": team.members}

