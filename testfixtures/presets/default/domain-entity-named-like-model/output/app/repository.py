from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.entities import Team
from app.models import Team as TeamRow
from sqlalchemy.orm import selectinload


def to_entity(row: TeamRow) -> Team:
    return Team(id=row.id)


class TeamRepository:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def find(self, team_id: int) -> Team | None:
        row = (await self.session.execute(select(TeamRow).where(TeamRow.id == team_id))).scalar_one_or_none()
        return to_entity(row) if row else None

    async def find_bare(self, team_id: int) -> Team:
        row = (await self.session.execute(select(TeamRow).where(TeamRow.id == team_id))).scalar_one()
        return Team(id=row.id)

    async def find_row(self, team_id: int) -> TeamRow | None:
        row = (await self.session.execute(select(TeamRow).options(selectinload(TeamRow.members)).where(TeamRow.id == team_id))).scalar_one_or_none()
        return row if row else None
