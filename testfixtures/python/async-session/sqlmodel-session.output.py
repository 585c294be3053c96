from fastapi import Depends
from sqlmodel import select

from app.models import Hero
from sqlmodel.ext.asyncio.session import AsyncSession


def read_heroes(session: AsyncSession = Depends(get_session)) -> list[Hero]:
    return session.exec(select(Hero)).all()
