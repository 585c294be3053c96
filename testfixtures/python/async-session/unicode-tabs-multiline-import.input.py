"""Überblick 📊: reports for the café ☕ (UTF-16 offsets matter after this line)."""
from sqlalchemy.orm import (  # ORM pieces
	relationship,  # kept
	Session,  # goes away
	joinedload,
)


class Bericht:
	"""Zusammenfassung – 𝔘𝔫𝔦𝔠𝔬𝔡𝔢."""

	def übersicht(self, db: Session, größe: int = 10) -> "Session":  # 🔍 keep this comment
		return db
