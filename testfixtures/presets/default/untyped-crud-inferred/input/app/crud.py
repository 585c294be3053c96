from app.models import User


# No annotations: every call hands `db` a session, so it is one.
def get_user(db, user_id):
    return db.query(User).filter(User.id == user_id).first()


def create_user(db, name):
    user = User(name=name)
    db.add(user)
    db.commit()
    db.refresh(user)
    return user


def flush_all(target):
    target.flush()


def flush_log():
    # Handed something else here: `target` is not taken for a session.
    flush_all(open("audit.log", "a"))
