from fastapi import FastAPI

from app.jobs import Cleanup

app = FastAPI()


@app.post("/cleanup")
def cleanup():
    return {"n": Cleanup().run()}
