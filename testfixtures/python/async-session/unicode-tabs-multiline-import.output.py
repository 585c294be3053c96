"""Überblick 📊: reports for the café ☕ (UTF-16 offsets matter after this line)."""
from sqlalchemy.orm import (  # ORM pieces
	relationship,  # kept
	joinedload,
)
from sqlalchemy.ext.asyncio import AsyncSession


class Bericht:
	"""Zusammenfassung – 𝔘𝔫𝔦𝔠𝔬𝔡𝔢."""

	def übersicht(self, db: AsyncSession, größe: int = 10) -> "AsyncSession":  # 🔍 keep this comment
		return db
