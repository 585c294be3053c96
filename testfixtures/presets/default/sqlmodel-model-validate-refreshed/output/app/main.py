from fastapi import Depends, FastAPI
from sqlmodel.ext.asyncio.session import AsyncSession

from app import crud
from app.database import get_async_db
from app.models import HeroCreate, HeroPublicWithTeam

app = FastAPI()


@app.post("/heroes", response_model=HeroPublicWithTeam)
async def create_hero(hero: HeroCreate, session: AsyncSession = Depends(get_async_db)):
    return await crud.create_hero(session, hero)
