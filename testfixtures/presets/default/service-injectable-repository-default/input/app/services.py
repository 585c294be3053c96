from typing import Optional

from fastapi import HTTPException
from sqlalchemy.orm import Session

from app.models import Member
from app.repositories import AuditRepository, MemberRepository


class MemberService:
    # The repository can be injected (tests hand a fake one); by default the service makes its own.
    def __init__(self, repository: MemberRepository | None = None, audit: Optional[AuditRepository] = None):
        self.repository = repository or MemberRepository()
        self.audit = audit if audit is not None else AuditRepository()

    def get(self, db: Session, member_id: int) -> Member:
        member = self.repository.get(db, member_id)
        if not member:
            raise HTTPException(status_code=404, detail="Member not found")
        return member

    def register(self, db: Session, email: str) -> Member:
        if self.repository.by_email(db, email):
            raise HTTPException(status_code=400, detail="Email already registered")
        return self.repository.add(db, Member(email=email))

    def total(self, db: Session) -> int:
        return self.audit.count(db)


class LegacyService:
    # Either side may be something else: nothing is assumed about what `helper` holds.
    def __init__(self, helper=None):
        self.helper = helper or MemberRepository()

    def get(self, db: Session, member_id: int):
        return self.helper.get(db, member_id)
