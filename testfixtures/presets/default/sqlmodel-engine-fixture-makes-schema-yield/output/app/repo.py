from sqlmodel import select

from app.models import Student
from sqlmodel.ext.asyncio.session import AsyncSession


class StudentRepo:
    async def add(self, session: AsyncSession, name: str) -> Student:
        student = Student(name=name)
        session.add(student)
        await session.commit()
        await session.refresh(student)
        return student

    async def names(self, session: AsyncSession) -> list[str]:
        return [s.name for s in (await session.exec(select(Student).order_by(Student.id))).all()]
