from app.models import User
from sqlalchemy import select


# No annotations: every call hands `db` a session, so it is one.
async def get_user(db, user_id):
    return await db.scalar(select(User).where(User.id == user_id).limit(1))


async def create_user(db, name):
    user = User(name=name)
    db.add(user)
    await db.commit()
    await db.refresh(user)
    return user


def flush_all(target):
    target.flush()


def flush_log():
    # Handed something else here: `target` is not taken for a session.
    flush_all(open("audit.log", "a"))
