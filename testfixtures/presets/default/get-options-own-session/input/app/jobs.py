from typing import List, Optional

from sqlalchemy.orm import Session

from .db import SessionLocal
from .models import Item


def owner_email(item_id: int) -> Optional[str]:
    with SessionLocal() as db:
        item = db.query(Item).get(item_id)
        return item.owner.email if item else None


def owner_email_after_count(item_id: int) -> Optional[str]:
    with SessionLocal() as db:
        db.query(Item).count()
        item = db.query(Item).get(item_id)
        return item.owner.email if item else None


def owner_emails(item_ids: List[int]) -> List[str]:
    with SessionLocal() as db:
        emails = []
        for item_id in item_ids:
            item = db.query(Item).get(item_id)
            emails.append(item.owner.email)
        return emails


def owner_email_plain(item_id: int) -> str:
    db = SessionLocal()
    try:
        item = db.query(Item).get(item_id)
        return item.owner.email
    finally:
        db.close()


def owner_email_in(db: Session, item_id: int) -> str:
    item = db.query(Item).get(item_id)
    return item.owner.email
