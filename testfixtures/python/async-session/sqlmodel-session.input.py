from fastapi import Depends
from sqlmodel import Session, select

from app.models import Hero


def read_heroes(session: Session = Depends(get_session)) -> list[Hero]:
    return session.exec(select(Hero)).all()
