from fastapi import APIRouter, Depends, FastAPI
from flask import Flask
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app.api import deps
from app.api.routes import router as items_router
from app.db import SessionLocal, get_async_db

router = APIRouter(prefix="/users")
app = FastAPI()
web = Flask(__name__)


@router.get("/")
def list_users(db: Session = Depends(deps.get_db)):
    return db.execute("select 1")


@router.post("/")
async def create_user(db: AsyncSession = Depends(get_async_db)):
    await db.commit()


@app.get("/health")
def health():
    return {"status": "ok"}


@app.api_route("/report", methods=["GET"])
def report():
    db = SessionLocal()
    try:
        return db.execute("select 1")
    finally:
        db.close()


@items_router.delete("/{item_id}")
def delete_item(item_id: int, db=Depends(deps.get_db)):
    return item_id


@app.websocket("/ws")
async def socket(ws):
    await ws.accept()


@web.get("/flask")
def flask_view(db: Session):
    return None


@router.get("/twice")
@router.get("/twice/again")
def twice():
    return None


def register(api: FastAPI) -> None:
    @api.get("/inner")
    def inner(db: Session = Depends(deps.get_db)):
        return None


@router.on_event("startup")
def startup():
    pass
