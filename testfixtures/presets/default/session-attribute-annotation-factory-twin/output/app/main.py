from fastapi import FastAPI

from app.jobs import Cleanup

app = FastAPI()


@app.post("/cleanup")
async def cleanup():
    return {"n": await Cleanup().run()}
