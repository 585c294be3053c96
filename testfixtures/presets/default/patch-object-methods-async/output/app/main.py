from fastapi import FastAPI, HTTPException

from app.repo import note_repository

app = FastAPI()


@app.get("/notes/{note_id}")
async def read_note(note_id: int):
    note = await note_repository.get(note_id)
    if note is None:
        raise HTTPException(status_code=404)
    return {"id": note.id, "title": note.title}
