from fastapi import Depends
from sqlalchemy.orm import Session

from app.db import get_db
from app.repo import TeamRepositories, TeamRepository, new_team_repository


def get_team_repository(session: Session = Depends(get_db)) -> TeamRepository:
    return new_team_repository(session=session)


def get_direct_repository(session: Session = Depends(get_db)) -> TeamRepository:
    return TeamRepository(session)


def get_built_repository(session: Session = Depends(get_db)) -> TeamRepository:
    return TeamRepositories.build(session)
