from sqlalchemy import text

from app.db.session import AsyncSessionLocal
from app.models import Account


def rename(account_id: str, name: str) -> Account:
    db = AsyncSessionLocal()
    account = await db.get(Account, account_id)
    account.name = name
    await db.commit()
    await db.close()
    return account


def rename_in_finally(account_id: str, name: str) -> None:
    db = AsyncSessionLocal()
    try:
        (await db.get(Account, account_id)).name = name
        await db.commit()
    finally:
        await db.close()


def rename_catch_all(account_id: str, name: str) -> None:
    db = AsyncSessionLocal()
    try:
        (await db.get(Account, account_id)).name = name
        await db.commit()
    except Exception:
        await db.close()
        raise
    await db.close()


def rename_catch_some(account_id: str, name: str) -> None:
    db = AsyncSessionLocal()
    try:
        await db.execute(text("SELECT 1"))
    except ValueError:
        await db.close()
        raise
    await db.close()
