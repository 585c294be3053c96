from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Team


class TeamRepository:
    def __init__(self, session: Session):
        self.session = session

    def names(self) -> list[int]:
        return list(self.session.scalars(select(Team.id)))


def new_team_repository(session: Session) -> TeamRepository:
    return TeamRepository(session)
