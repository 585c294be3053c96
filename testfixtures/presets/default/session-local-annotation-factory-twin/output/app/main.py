from fastapi import FastAPI

from app.jobs import count_users, first_user_name
from app.reports import user_count

app = FastAPI()


@app.get("/users/count")
async def users_count():
    return {"n": await count_users(), "first": await first_user_name(), "again": await user_count()}
