from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import Hero, HeroCreate


# SQLModel's documented create: the table object comes from `model_validate`, a constructor like `Hero(...)`.
async def create_hero(session: AsyncSession, hero: HeroCreate) -> Hero:
    db_hero = Hero.model_validate(hero)
    session.add(db_hero)
    await session.commit()
    await session.refresh(db_hero)
    await session.refresh(db_hero, attribute_names=["team"])
    return db_hero
