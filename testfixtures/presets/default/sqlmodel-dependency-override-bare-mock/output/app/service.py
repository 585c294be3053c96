from typing import Optional

from fastapi import Depends
from sqlmodel.ext.asyncio.session import AsyncSession

from app.db import SessionDep, get_async_db
from app.models import Hero


class HeroService:
    def __init__(self, session: SessionDep):
        self.session = session

    async def rename(self, hero_id: int, name: str) -> Optional[Hero]:
        hero = await self.session.get(Hero, hero_id)
        if hero is not None:
            hero.name = name
            await self.session.commit()
        return hero

    def label(self, hero: Hero) -> str:
        return f"#{hero.id} {hero.name}"


def get_hero_service(session: AsyncSession = Depends(get_async_db)) -> HeroService:
    return HeroService(session)
