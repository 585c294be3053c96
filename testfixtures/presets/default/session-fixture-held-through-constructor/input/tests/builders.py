from sqlalchemy.orm import Session

from app.models import User


# Unannotated: nothing tells insert-await that `self.db` is a session, so its calls stay sync.
class LegacyStore:
    def __init__(self, db):
        self.db = db

    def save(self, obj):
        self.db.add(obj)
        self.db.commit()
        return obj


# Keeps no session itself: hands it to the store it builds.
class UserBuilder:
    def __init__(self, db: Session):
        self.store = LegacyStore(db)

    def build(self, name):
        return self.store.save(User(email=f"{name}@example.com"))
