from fastapi import FastAPI

from app import service

app = FastAPI()
app.include_router(service.router)
