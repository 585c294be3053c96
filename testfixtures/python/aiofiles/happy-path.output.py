"""Upload storage."""
import json

from fastapi import APIRouter
import aiofiles

router = APIRouter()


@router.post("/notes/{name}")
async def save_note(name: str, body: str) -> dict:
    async with aiofiles.open(f"/data/{name}.txt", "w", encoding="utf-8") as f:
        await f.write(body)
    async with aiofiles.open(f"/data/{name}.txt") as f:
        saved = await f.read()
    return {"name": name, "size": len(saved), "meta": json.dumps({"n": name})}
