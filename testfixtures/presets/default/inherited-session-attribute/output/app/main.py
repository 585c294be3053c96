from fastapi import Depends, FastAPI

from app.tickets import TicketService

app = FastAPI()


@app.get("/titles")
async def titles(svc: TicketService = Depends()):
    return await svc.titles()
