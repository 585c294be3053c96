from fastapi import FastAPI

from app.admin import routes as admin
from app.api.routes import items, other

app = FastAPI()
app.include_router(items.router)
app.include_router(other.router)
app.include_router(admin.router)
