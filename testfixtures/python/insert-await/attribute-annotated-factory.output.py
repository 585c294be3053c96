from sqlalchemy.orm import Session

from app.db import AsyncSessionLocal
from sqlalchemy.ext.asyncio import AsyncSession


class Plain:
    def __init__(self):
        self.session = AsyncSessionLocal()

    def commit(self):
        await self.session.commit()


class Annotated:
    def __init__(self):
        self.session: AsyncSession = AsyncSessionLocal()

    def commit(self):
        await self.session.commit()


class AnnotatedFromParameter:
    def __init__(self, session: Session):
        self.session: Session = session

    def commit(self):
        await self.session.commit()
