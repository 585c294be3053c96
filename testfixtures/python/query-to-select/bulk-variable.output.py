from sqlalchemy.orm import Session

from app.models import Post, User
from sqlalchemy import delete, func, select, update


def delete_if_found(db: Session, post_id: int):
    post_query = select(Post).where(Post.id == post_id)
    if await db.scalar(post_query.limit(1)) is None:
        return False
    await db.execute(delete(Post).where(post_query.whereclause).execution_options(synchronize_session=False))
    db.commit()
    return True


def deactivate(db: Session, name: str, only_admins: bool):
    q = select(User).filter_by(name=name)
    if only_admins:
        q = q.where(User.admin)
    changed = (await db.execute(update(User).where(q.whereclause).values({User.active: False}).execution_options(synchronize_session='evaluate'))).rowcount
    return changed


def delete_drafts(db: Session, owner_id: int):
    q = select(Post).where(Post.owner_id == owner_id)
    total = await db.scalar(select(func.count()).select_from(q.subquery()))
    return total, (await db.execute(delete(Post).where(q.whereclause).where(Post.draft).execution_options(synchronize_session="fetch"))).rowcount


def delete_maybe_filtered(db: Session, owner_id):
    # Nothing filters the query on one path: the converted WHERE clause would be empty there.
    q = db.query(Post)
    if owner_id is not None:
        q = q.filter(Post.owner_id == owner_id)
    return q.delete()


def delete_ordered(db: Session, owner_id: int):
    q = db.query(Post).filter(Post.owner_id == owner_id).order_by(Post.id)
    return q.delete()
