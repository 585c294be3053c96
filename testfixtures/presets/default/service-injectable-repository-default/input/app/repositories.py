from typing import Optional

from sqlalchemy.orm import Session

from app.models import Member


class MemberRepository:
    def get(self, db: Session, member_id: int) -> Optional[Member]:
        return db.query(Member).filter(Member.id == member_id).first()

    def by_email(self, db: Session, email: str) -> Optional[Member]:
        return db.query(Member).filter(Member.email == email).first()

    def add(self, db: Session, member: Member) -> Member:
        db.add(member)
        db.commit()
        db.refresh(member)
        return member


class AuditRepository:
    def count(self, db: Session) -> int:
        return db.query(Member).count()
