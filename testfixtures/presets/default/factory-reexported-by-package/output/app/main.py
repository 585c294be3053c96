from fastapi import FastAPI

from app.jobs import cleanup, count_items
from app.reports import legacy_count

app = FastAPI()


@app.post("/cleanup")
async def run_cleanup():
    await cleanup()
    return {"count": await count_items(), "legacy": legacy_count()}
