from fastapi import FastAPI

from app.db import AsyncSessionLocal, async_engine, session_scope
from app.models import Base, Team
from app.repo import TeamRepository, new_team_repository

app = FastAPI()


@app.on_event("startup")
async def seed() -> None:
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with AsyncSessionLocal() as db:
        if not await TeamRepository(db).names():
            db.add_all([Team(id=1), Team(id=2)])
            await db.commit()


@app.get("/teams")
async def list_teams():
    with session_scope() as session:
        return await TeamRepository(session).names()


@app.get("/teams-via-helper")
async def list_teams_via_helper():
    with session_scope() as session:
        return await new_team_repository(session).names()
