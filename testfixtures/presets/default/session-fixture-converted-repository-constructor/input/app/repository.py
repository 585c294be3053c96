from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Batch


class SqlAlchemyRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, batch: Batch) -> None:
        self.session.add(batch)
        self.session.commit()

    def get(self, reference: str):
        return self.session.scalar(select(Batch).where(Batch.reference == reference))
