from app.models import User


# Unannotated: nothing tells insert-await that `self.db` is a session, so its calls stay sync.
class UserBuilder:
    def __init__(self, db):
        self.db = db

    def build(self, email):
        user = User(email=email)
        self.db.add(user)
        self.db.commit()
        return user
