from fastapi import FastAPI

from app.jobs import cleanup, count_items
from app.reports import legacy_count

app = FastAPI()


@app.post("/cleanup")
def run_cleanup():
    cleanup()
    return {"count": count_items(), "legacy": legacy_count()}
