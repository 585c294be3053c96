from app.base import Service
from app.models import Ticket


class TicketService(Service):
    def titles(self):
        return [t.title for t in self.db.query(Ticket).all()]

    def one(self, ident):
        return self.db.get(Ticket, ident)
