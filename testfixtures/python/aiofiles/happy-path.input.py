"""Upload storage."""
import json

from fastapi import APIRouter

router = APIRouter()


@router.post("/notes/{name}")
async def save_note(name: str, body: str) -> dict:
    with open(f"/data/{name}.txt", "w", encoding="utf-8") as f:
        f.write(body)
    with open(f"/data/{name}.txt") as f:
        saved = f.read()
    return {"name": name, "size": len(saved), "meta": json.dumps({"n": name})}
