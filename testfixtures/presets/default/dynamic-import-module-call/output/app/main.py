import importlib
import json

from fastapi import FastAPI

app = FastAPI()


@app.post("/jobs/{name}")
def run_job(name: str):
    # The job module is picked at run time: `deactivate_all` becomes async, so this call may drop its coroutine.
    importlib.import_module("app.jobs").deactivate_all()
    return {"ok": True}


@app.post("/jobs/{name}/later")
def run_job_later(name: str):
    jobs = importlib.import_module(f"app.{name}")
    jobs.deactivate_all()
    return {"ok": True}


@app.get("/settings")
def settings():
    # A module of a library: what it returns is not the project's, and no project function is named `dumps`.
    return {"text": json.dumps({"a": 1})}
