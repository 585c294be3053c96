from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Team


class TeamRepository:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def names(self) -> list[int]:
        return list(await self.session.scalars(select(Team.id)))


def new_team_repository(session: AsyncSession) -> TeamRepository:
    return TeamRepository(session)
