from fastapi import FastAPI

from app.legacy import names_here
from app.reports import legacy_count, legacy_first

app = FastAPI()


@app.get("/legacy")
def legacy():
    first = legacy_first("x")
    return {"count": legacy_count(), "names": names_here(), "first": first.id if first else None}
