from sqlalchemy.orm import Session

from app.models import Ticket


class TicketRepo:
    def __init__(self, model):
        self.model = model

    def add(self, db: Session, title: str, owner_id: int) -> Ticket:
        ticket = self.model(title=title, owner_id=owner_id)
        db.add(ticket)
        db.commit()
        return ticket

    def first_of_owner(self, db: Session, owner_id: int):
        return db.query(Ticket).filter(Ticket.owner_id == owner_id).first()

    def titles(self, db: Session, conds: list):
        return [t.title for t in db.query(Ticket).filter(*conds).populate_existing().all()]


tickets = TicketRepo(Ticket)
