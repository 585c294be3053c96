from fastapi import APIRouter, Depends
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from db import get_async_db
from models import Hero, HeroReadWithTeam, Team, TeamReadWithHeroes
from sqlalchemy.orm import selectinload

router = APIRouter()


@router.get("/teams/{team_id}", response_model=TeamReadWithHeroes)
async def read_team(team_id: int, session: AsyncSession = Depends(get_async_db)):
    team = (await session.exec(select(Team).options(selectinload(Team.heroes)).where(Team.id == team_id))).first()
    return team


@router.get("/heroes", response_model=list[HeroReadWithTeam])
async def read_heroes(session: AsyncSession = Depends(get_async_db)):
    heroes = (await session.exec(select(Hero).options(selectinload(Hero.team)))).all()
    return heroes


@router.get("/sync/teams/{team_id}", response_model=TeamReadWithHeroes)
def read_team_sync(team_id: int, session=Depends(get_async_db)):
    # a sync handler: the session is sync here, lazy loading still works
    return session.get(Team, team_id)


@router.get("/heroes/names")
async def hero_team_names(session: AsyncSession = Depends(get_async_db)):
    heroes = (await session.exec(select(Hero).options(selectinload(Hero.team)))).all()
    return {hero.name: hero.team.name for hero in heroes if hero.team}
