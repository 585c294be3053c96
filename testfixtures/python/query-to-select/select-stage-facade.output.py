from sqlalchemy import func, select

from app.extensions import db
from app.models import User


def get_user(user_id):
    return db.session.scalar(select(User).where(User.id == user_id).limit(1))


def count_users():
    return db.session.scalar(select(func.count()).select_from(User))


def search(request):
    # request.query is not a session, configured facade or not
    return request.query.get("q")
