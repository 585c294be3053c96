from typing import Optional

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Member
from sqlalchemy import func, select


class MemberRepository:
    async def get(self, db: AsyncSession, member_id: int) -> Optional[Member]:
        return await db.scalar(select(Member).where(Member.id == member_id).limit(1))

    async def by_email(self, db: AsyncSession, email: str) -> Optional[Member]:
        return await db.scalar(select(Member).where(Member.email == email).limit(1))

    async def add(self, db: AsyncSession, member: Member) -> Member:
        db.add(member)
        await db.commit()
        await db.refresh(member)
        return member


class AuditRepository:
    async def count(self, db: AsyncSession) -> int:
        return await db.scalar(select(func.count()).select_from(Member))
