from app.models import User


def get_user(db, user_id):
    return db.query(User).filter(User.id == user_id).first()
