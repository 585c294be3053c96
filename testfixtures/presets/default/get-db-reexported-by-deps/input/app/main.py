from fastapi import FastAPI

from app.api.routes import items, other

app = FastAPI()
app.include_router(items.router)
app.include_router(other.router)
