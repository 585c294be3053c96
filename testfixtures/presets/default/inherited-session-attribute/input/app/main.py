from fastapi import Depends, FastAPI

from app.tickets import TicketService

app = FastAPI()


@app.get("/titles")
def titles(svc: TicketService = Depends()):
    return svc.titles()
