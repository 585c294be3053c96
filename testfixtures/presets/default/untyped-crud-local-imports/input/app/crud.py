from app.models import User


def get_user(db, id):
    return db.query(User).filter(User.id == id).first()


def create_user(db, email):
    user = User(email=email)
    db.add(user)
    db.commit()
    db.refresh(user)
    return user


def count_users(db):
    return db.query(User).count()
