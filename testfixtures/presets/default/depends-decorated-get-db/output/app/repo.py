from fastapi import Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_db
from app.models import Team


class TeamRepository:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def ids(self) -> list[int]:
        return list(await self.session.scalars(select(Team.id)))


@Depends
def get_team_repository(session: AsyncSession = get_db) -> TeamRepository:
    return TeamRepository(session)
