from fastapi import APIRouter
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Team
from app.repo import TeamRepository, get_team_repository

router = APIRouter()


@router.get("/teams")
async def list_teams(repo: TeamRepository = get_team_repository):
    return await repo.ids()


@router.get("/count")
def count(db: Session = get_db):
    return len(db.scalars(select(Team)).all())
