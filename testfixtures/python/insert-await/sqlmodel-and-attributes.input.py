from sqlmodel import Session, select

from app.database import SessionLocal
from app.models import Hero


def list_heroes(session: Session):
    return session.exec(select(Hero)).all()


class HeroRepository:
    def __init__(self):
        # Made here, used by the methods below: the factory becomes the async one.
        self.db = SessionLocal()

    def add(self, hero: Hero):
        self.db.add(hero)
        self.db.commit()
        self.db.refresh(hero)
        return hero

    def close(self):
        self.db.close()
