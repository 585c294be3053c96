from app.models import Member
from sqlalchemy import select


async def fetch_member(db, member_id):
    # `db` has no annotation: the route below hands it an AsyncSession after the migration.
    return await db.scalar(select(Member).filter_by(id=member_id).limit(1))


async def touch(db, stats):
    stats.add(Member(name="touched"))
    await stats.commit()


def count_names(items):
    # Not a session: nobody hands one over, so nothing is said about it.
    return items.get("names")
