from fastapi import APIRouter, Depends

from app.deps import get_built_repository, get_direct_repository, get_team_repository
from app.repo import TeamRepository

router = APIRouter()


@router.get("/teams")
def list_teams(repo: TeamRepository = Depends(get_team_repository)):
    return repo.names()


@router.get("/teams-direct")
def list_teams_direct(repo: TeamRepository = Depends(get_direct_repository)):
    return repo.names()


@router.get("/teams-built")
def list_teams_built(repo: TeamRepository = Depends(get_built_repository)):
    return repo.names()
