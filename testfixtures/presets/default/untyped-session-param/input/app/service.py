from sqlalchemy.orm import Session

from app.models import Member


def get_member(db: Session, member_id: int):
    return db.get(Member, member_id)


def rename(db, member_id, name):
    # `db` is handed on to get_member's session parameter, so it is a session too.
    member = get_member(db, member_id)
    member.name = name
    db.commit()
    db.refresh(member)
    return member
