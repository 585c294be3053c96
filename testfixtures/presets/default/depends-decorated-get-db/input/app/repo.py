from fastapi import Depends
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Team


class TeamRepository:
    def __init__(self, session: Session):
        self.session = session

    def ids(self) -> list[int]:
        return list(self.session.scalars(select(Team.id)))


@Depends
def get_team_repository(session: Session = get_db) -> TeamRepository:
    return TeamRepository(session)
