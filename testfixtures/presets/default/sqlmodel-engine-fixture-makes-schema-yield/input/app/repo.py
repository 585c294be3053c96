from sqlmodel import Session, select

from app.models import Student


class StudentRepo:
    def add(self, session: Session, name: str) -> Student:
        student = Student(name=name)
        session.add(student)
        session.commit()
        session.refresh(student)
        return student

    def names(self, session: Session) -> list[str]:
        return [s.name for s in session.exec(select(Student).order_by(Student.id)).all()]
