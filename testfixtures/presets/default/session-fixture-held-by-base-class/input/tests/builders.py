from app.models import User


# Unannotated: nothing tells insert-await that `self.db` is a session, so its calls stay sync.
class Builder:
    def __init__(self, db):
        self.db = db

    def save(self, obj):
        self.db.add(obj)
        self.db.commit()
        return obj


# The session reaches `self.db` through `super().__init__(...)`.
class UserBuilder(Builder):
    def __init__(self, db, domain="example.com"):
        super().__init__(db)
        self.domain = domain

    def build(self, name):
        return self.save(User(email=f"{name}@{self.domain}"))
