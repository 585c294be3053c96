from typing import Optional

from fastapi import HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Member
from app.repositories import AuditRepository, MemberRepository
from sqlalchemy.orm import Session


class MemberService:
    # The repository can be injected (tests hand a fake one); by default the service makes its own.
    def __init__(self, repository: MemberRepository | None = None, audit: Optional[AuditRepository] = None):
        self.repository = repository or MemberRepository()
        self.audit = audit if audit is not None else AuditRepository()

    async def get(self, db: AsyncSession, member_id: int) -> Member:
        member = await self.repository.get(db, member_id)
        if not member:
            raise HTTPException(status_code=404, detail="Member not found")
        return member

    async def register(self, db: AsyncSession, email: str) -> Member:
        if await self.repository.by_email(db, email):
            raise HTTPException(status_code=400, detail="Email already registered")
        return await self.repository.add(db, Member(email=email))

    async def total(self, db: AsyncSession) -> int:
        return await self.audit.count(db)


class LegacyService:
    # Either side may be something else: nothing is assumed about what `helper` holds.
    def __init__(self, helper=None):
        self.helper = helper or MemberRepository()

    def get(self, db: Session, member_id: int):
        return self.helper.get(db, member_id)
