from typing import Annotated

from fastapi import Depends, FastAPI

from app.service import HeroService, get_hero_service

app = FastAPI()


@app.post("/heroes/{hero_id}/rename/{name}")
async def rename(hero_id: int, name: str, service: HeroService = Depends(get_hero_service)):
    hero = await service.rename(hero_id, name)
    return {"label": service.label(hero)}


@app.post("/v2/heroes/{hero_id}/rename/{name}")
async def rename_v2(hero_id: int, name: str, service: Annotated[HeroService, Depends()]):
    hero = await service.rename(hero_id, name)
    return {"name": hero.name}
