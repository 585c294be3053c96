from sqlalchemy.orm import Session

from app.models import Post, User


def delete_if_found(db: Session, post_id: int):
    post_query = db.query(Post).filter(Post.id == post_id)
    if post_query.first() is None:
        return False
    post_query.delete(synchronize_session=False)
    db.commit()
    return True


def deactivate(db: Session, name: str, only_admins: bool):
    q = db.query(User).filter_by(name=name)
    if only_admins:
        q = q.filter(User.admin)
    changed = q.update({User.active: False})
    return changed


def delete_drafts(db: Session, owner_id: int):
    q = db.query(Post).filter(Post.owner_id == owner_id)
    total = q.count()
    return total, q.filter(Post.draft).delete(synchronize_session="fetch")


def delete_maybe_filtered(db: Session, owner_id):
    # Nothing filters the query on one path: the converted WHERE clause would be empty there.
    q = db.query(Post)
    if owner_id is not None:
        q = q.filter(Post.owner_id == owner_id)
    return q.delete()


def delete_ordered(db: Session, owner_id: int):
    q = db.query(Post).filter(Post.owner_id == owner_id).order_by(Post.id)
    return q.delete()
