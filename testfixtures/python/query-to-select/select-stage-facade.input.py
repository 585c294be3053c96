from sqlalchemy import func

from app.extensions import db
from app.models import User


def get_user(user_id):
    return db.session.query(User).filter(User.id == user_id).first()


def count_users():
    return db.session.query(User).count()


def search(request):
    # request.query is not a session, configured facade or not
    return request.query.get("q")
