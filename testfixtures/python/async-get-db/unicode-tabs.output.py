"""Routen für Bestellungen 🛒 – the emoji shifts UTF-16 offsets."""
from fastapi import Depends

from app.db import get_async_db  # ☕ the sync dependency


def bestellungen(größe: int = 10, db=Depends(get_async_db)):  # 🔍 keep me
	# tab-indented body
	return {"größe": größe, "db": db}
