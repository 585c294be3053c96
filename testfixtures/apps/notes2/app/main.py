from fastapi import FastAPI

from app.routers import notebooks, notes

app = FastAPI(title="Notes")
app.include_router(notebooks.router)
app.include_router(notes.router)
