from fastapi import FastAPI

from .db import engine
from .jobs import router
from .models import Base

Base.metadata.create_all(engine)
app = FastAPI()
app.include_router(router)
