from sqlmodel import select

from app.models import Plant
from sqlmodel.ext.asyncio.session import AsyncSession


async def thirsty(session: AsyncSession) -> list[Plant]:
    return list((await session.exec(select(Plant).where(Plant.watered == False))).all())  # noqa: E712


async def water(session: AsyncSession, plant: Plant) -> Plant:
    plant.watered = True
    session.add(plant)
    await session.commit()
    await session.refresh(plant)
    return plant
