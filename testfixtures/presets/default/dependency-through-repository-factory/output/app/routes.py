from fastapi import APIRouter, Depends

from app.deps import get_built_repository, get_direct_repository, get_team_repository
from app.repo import TeamRepository

router = APIRouter()


@router.get("/teams")
async def list_teams(repo: TeamRepository = Depends(get_team_repository)):
    return await repo.names()


@router.get("/teams-direct")
async def list_teams_direct(repo: TeamRepository = Depends(get_direct_repository)):
    return await repo.names()


@router.get("/teams-built")
async def list_teams_built(repo: TeamRepository = Depends(get_built_repository)):
    return await repo.names()
