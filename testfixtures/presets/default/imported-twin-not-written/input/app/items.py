from fastapi import APIRouter

from app.database import ItemsBase, SessionLocal, engine

router = APIRouter()


# This engine's module writes its twin (a sessionmaker is bound to it): both are converted.
def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


@router.on_event("startup")
async def create_item_tables():
    ItemsBase.metadata.create_all(bind=engine)
