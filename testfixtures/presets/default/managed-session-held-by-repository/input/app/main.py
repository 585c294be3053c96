from fastapi import FastAPI

from app.db import SessionLocal, engine, session_scope
from app.models import Base, Team
from app.repo import TeamRepository, new_team_repository

app = FastAPI()


@app.on_event("startup")
def seed() -> None:
    Base.metadata.create_all(engine)
    with SessionLocal() as db:
        if not TeamRepository(db).names():
            db.add_all([Team(id=1), Team(id=2)])
            db.commit()


@app.get("/teams")
def list_teams():
    with session_scope() as session:
        return TeamRepository(session).names()


@app.get("/teams-via-helper")
def list_teams_via_helper():
    with session_scope() as session:
        return new_team_repository(session).names()
