from fastapi import APIRouter, Depends, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Tag

router = APIRouter()


@router.post("/tags")
async def add_tag(request: Request, db: Session = Depends(get_db)):
    # Written async, with sync session calls: get_db gets no twin, so it stays as it is (its own await included).
    payload = await request.json()
    tag = Tag(label=payload["label"])
    db.add(tag)
    db.commit()
    db.refresh(tag)
    return {"id": tag.id}


@router.get("/tags")
async def list_tags(db: Session = Depends(get_db)):
    return [t.label for t in db.scalars(select(Tag)).all()]


@router.get("/tags/{tag_id}")
def read_tag(tag_id: int, db: Session = Depends(get_db)):
    return db.get(Tag, tag_id).label
