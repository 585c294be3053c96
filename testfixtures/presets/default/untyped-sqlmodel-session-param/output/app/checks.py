from sqlmodel import select

from app.models import Member


async def member_role(*, session, project_id: int, member_id: int) -> str:
    # `session` has no annotation, and SQLModel's exec() is its only session call.
    member = (await session.exec(select(Member).where(Member.id == member_id, Member.project_id == project_id))).first()
    return member.role if member else "none"
