from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app import db as database
from app.models import Item

app = FastAPI()


def audit(session):
    print(len(session.new))


# A second get_db no route uses (the routes depend on app.db's): not a plain shape, so it gets no twin.
def get_db():
    session = database.SessionLocal()
    try:
        yield session
        audit(session)
    finally:
        session.close()


@app.post("/items")
async def create_item(name: str, db: AsyncSession = Depends(database.get_async_db)):
    item = Item(name=name)
    db.add(item)
    await db.commit()
    return {"id": item.id}
