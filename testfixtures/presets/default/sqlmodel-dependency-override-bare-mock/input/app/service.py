from typing import Optional

from fastapi import Depends
from sqlmodel import Session

from app.db import SessionDep, get_db
from app.models import Hero


class HeroService:
    def __init__(self, session: SessionDep):
        self.session = session

    def rename(self, hero_id: int, name: str) -> Optional[Hero]:
        hero = self.session.get(Hero, hero_id)
        if hero is not None:
            hero.name = name
            self.session.commit()
        return hero

    def label(self, hero: Hero) -> str:
        return f"#{hero.id} {hero.name}"


def get_hero_service(session: Session = Depends(get_db)) -> HeroService:
    return HeroService(session)
