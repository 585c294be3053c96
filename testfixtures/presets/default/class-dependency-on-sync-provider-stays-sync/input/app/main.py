from fastapi import FastAPI

from app.routes.items import router

app = FastAPI()
app.include_router(router)
