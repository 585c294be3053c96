from app.base import Service
from app.models import Ticket
from sqlalchemy import select


class TicketService(Service):
    async def titles(self):
        return [t.title for t in (await self.db.scalars(select(Ticket))).all()]

    async def one(self, ident):
        return await self.db.get(Ticket, ident)
