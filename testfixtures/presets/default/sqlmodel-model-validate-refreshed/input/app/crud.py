from sqlmodel import Session

from app.models import Hero, HeroCreate


# SQLModel's documented create: the table object comes from `model_validate`, a constructor like `Hero(...)`.
def create_hero(session: Session, hero: HeroCreate) -> Hero:
    db_hero = Hero.model_validate(hero)
    session.add(db_hero)
    session.commit()
    session.refresh(db_hero)
    return db_hero
