from sqlmodel import Session

from app.models import Hero


def heroes(session: Session):
    return session.query(Hero).all()
