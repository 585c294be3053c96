from sqlalchemy import text

from app.db.session import SessionLocal
from app.models import Account


def rename(account_id: str, name: str) -> Account:
    db = SessionLocal()
    account = db.get(Account, account_id)
    account.name = name
    db.commit()
    db.close()
    return account


def rename_in_finally(account_id: str, name: str) -> None:
    db = SessionLocal()
    try:
        db.get(Account, account_id).name = name
        db.commit()
    finally:
        db.close()


def rename_catch_all(account_id: str, name: str) -> None:
    db = SessionLocal()
    try:
        db.get(Account, account_id).name = name
        db.commit()
    except Exception:
        db.close()
        raise
    db.close()


def rename_catch_some(account_id: str, name: str) -> None:
    db = SessionLocal()
    try:
        db.execute(text("SELECT 1"))
    except ValueError:
        db.close()
        raise
    db.close()
