from sqlmodel import Session, select

from app.database import AsyncSessionLocal
from app.models import Hero


def list_heroes(session: Session):
    return (await session.exec(select(Hero))).all()


class HeroRepository:
    def __init__(self):
        # Made here, used by the methods below: the factory becomes the async one.
        self.db = AsyncSessionLocal()

    def add(self, hero: Hero):
        self.db.add(hero)
        await self.db.commit()
        await self.db.refresh(hero)
        return hero

    def close(self):
        await self.db.close()
