from sqlalchemy.orm import Session

from app.db import SessionLocal


class Plain:
    def __init__(self):
        self.session = SessionLocal()

    def commit(self):
        self.session.commit()


class Annotated:
    def __init__(self):
        self.session: Session = SessionLocal()

    def commit(self):
        self.session.commit()


class AnnotatedFromParameter:
    def __init__(self, session: Session):
        self.session: Session = session

    def commit(self):
        self.session.commit()
