from fastapi import FastAPI

from app.service import router

app = FastAPI()
app.include_router(router)
