from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.entities import Team
from app.models import Team as TeamRow


def to_entity(row: TeamRow) -> Team:
    return Team(id=row.id)


class TeamRepository:
    def __init__(self, session: Session):
        self.session = session

    def find(self, team_id: int) -> Team | None:
        row = self.session.execute(select(TeamRow).where(TeamRow.id == team_id)).scalar_one_or_none()
        return to_entity(row) if row else None

    def find_bare(self, team_id: int) -> Team:
        row = self.session.execute(select(TeamRow).where(TeamRow.id == team_id)).scalar_one()
        return Team(id=row.id)

    def find_row(self, team_id: int) -> TeamRow | None:
        row = self.session.execute(select(TeamRow).where(TeamRow.id == team_id)).scalar_one_or_none()
        return row if row else None
