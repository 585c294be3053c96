from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Ticket
from sqlalchemy import select
from sqlalchemy.orm import Session


class TicketRepo:
    def __init__(self, model):
        self.model = model

    async def add(self, db: AsyncSession, title: str, owner_id: int) -> Ticket:
        ticket = self.model(title=title, owner_id=owner_id)
        db.add(ticket)
        await db.commit()
        return ticket

    def first_of_owner(self, db: Session, owner_id: int):
        return db.scalar(select(Ticket).where(Ticket.owner_id == owner_id).limit(1))

    def titles(self, db: Session, conds: list):
        return [t.title for t in db.query(Ticket).filter(*conds).populate_existing().all()]


tickets = TicketRepo(Ticket)
