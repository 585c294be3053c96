from fastapi import FastAPI

from app import db
from app.models import Base

app = FastAPI()


@app.on_event("startup")
async def startup():
    Base.metadata.create_all(bind=db.get_engine())
