from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Member


async def get_member(db: AsyncSession, member_id: int):
    return await db.get(Member, member_id)


async def rename(db, member_id, name):
    # `db` is handed on to get_member's session parameter, so it is a session too.
    member = await get_member(db, member_id)
    member.name = name
    await db.commit()
    await db.refresh(member)
    return member
