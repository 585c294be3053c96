from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.guards import RowQuota
from app.models import Note

app = FastAPI()


@app.post("/notes")
async def add_note(text: str, left: int = Depends(RowQuota(Note, 3)), db: AsyncSession = Depends(get_async_db)):
    db.add(Note(text=text))
    await db.commit()
    return {"left": left - 1}
