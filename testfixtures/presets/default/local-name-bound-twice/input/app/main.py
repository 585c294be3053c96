from fastapi import FastAPI

app = FastAPI()


@app.post("/deactivate")
def deactivate(dry: bool = False):
    # `run` is one of two imports: `deactivate_all` becomes async, so this call may drop its coroutine.
    if dry:
        from app.jobs import dry_run as run
    else:
        from app.jobs import deactivate_all as run
    run()
    return {"ok": True}


@app.get("/describe")
def describe(everyone: bool = True):
    # Both bindings stay sync: nothing to report.
    if everyone:
        from app.jobs import describe_all as text
    else:
        from app.jobs import describe_none as text
    return {"text": text()}
