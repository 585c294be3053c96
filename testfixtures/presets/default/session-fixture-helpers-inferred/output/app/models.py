from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base
from sqlalchemy.ext.asyncio import AsyncSession

Base = declarative_base()


class Element(Base):
    __tablename__ = "elements"
    id = Column(Integer, primary_key=True)
    name = Column(String)

    @classmethod
    async def create(cls, db: AsyncSession, name: str) -> "Element":
        element = cls(name=name)
        db.add(element)
        await db.commit()
        await db.refresh(element)
        return element
